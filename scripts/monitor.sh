#!/usr/bin/env bash
# The regulator's live monitor (monitor/src/FabricFinance.Monitor) beside a running network:
# builds it (Release), starts it in the background as the regulator, with its read model in
# the network's state folder (so `scripts/network.sh down` stops it and a new network starts
# with a new read model), and waits until its page answers.
#
# Usage: scripts/monitor.sh start|stop|status|url [--port N] [--rebuild]
#   start       start it (or say where it already runs) and print its URL
#   stop        stop it (by its recorded PID)
#   status      running or not, and where
#   url         print the URL only
#   --port N    the web port on 127.0.0.1 (default 5080 + the network's port offset)
#   --rebuild   with start: wipe the read model and read the ledger again from block 0
# The network is the default one, or FABFIN_STATE_DIR's (as for scripts/network.sh).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source-path=SCRIPTDIR
source "$REPO_ROOT/scripts/lib/log.sh"
source "$REPO_ROOT/scripts/lib/env.sh"
source "$REPO_ROOT/scripts/lib/process.sh"
source "$REPO_ROOT/scripts/lib/settings.sh"

MONITOR_DIR="$RUN_DIR/monitor"
PID_DIR="$MONITOR_DIR/pids"        # apart from the network's, so `network.sh status` is not about it
PROJECT="$REPO_ROOT/monitor/src/FabricFinance.Monitor"
DLL="$PROJECT/bin/Release/net10.0/FabricFinance.Monitor.dll"
READY_TIMEOUT=60 CC_STOP_GRACE=5   # read by stop_recorded
PORT="" REBUILD=""

usage() { sed -n '7,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

parse_flags() {
  while (( $# )); do
    case "$1" in
      --port) (( $# >= 2 )) || fatal "--port needs a value"; PORT="$2"; shift 2 ;;
      --rebuild) REBUILD=1; shift ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; fatal "unknown flag: $1" ;;
    esac
  done
  [[ -z "$PORT" || "$PORT" =~ ^[1-9][0-9]{0,4}$ ]] || fatal "--port must be a TCP port number, got '$PORT'"
}

url() {
  local port="$PORT" offset
  if [[ -z "$port" ]]; then
    offset="$(saved_setting "$STATE_ROOT" PORT_OFFSET)"
    port=$((5080 + ${offset:-0}))
  fi
  echo "http://127.0.0.1:$port"
}

cmd_start() {
  [[ -f "$RUN_DIR/network.json" ]] ||
    fatal "no network runs in $STATE_ROOT (no .run/network.json)" "start one: scripts/network.sh up, or run scripts/demo.sh"
  if pid_of monitor >/dev/null && [[ -z "$REBUILD" ]]; then
    log_info "the monitor already runs (pid $(pid_of monitor))"
    url
    return 0
  fi
  pid_of monitor >/dev/null && stop_recorded monitor
  log_info "building the monitor (Release)"
  dotnet build "$PROJECT" -c Release --nologo -v quiet >/dev/null ||
    fatal "the build of the monitor failed" "run: dotnet build $PROJECT -c Release"
  local address args=()
  address="$(url)"
  port_open 127.0.0.1 "${address##*:}" && fatal "$address is already in use" "pass another --port"
  [[ -z "$REBUILD" ]] || args+=(--rebuild)
  # shellcheck disable=SC2034  # read by start_process
  PROC_ENV=("Monitor__NetworkFile=$RUN_DIR/network.json" "Monitor__DataDirectory=$MONITOR_DIR/data"
            "Monitor__Url=$address" "ASPNETCORE_ENVIRONMENT=Production")
  # The content root is the build folder, where appsettings.json (the rules' thresholds) is copied.
  (cd "$(dirname "$DLL")" && start_process monitor "$LOG_DIR/monitor.log" "$(command -v dotnet)" "$DLL" ${args[@]+"${args[@]}"})
  wait_for monitor "the monitor to answer on $address" http_ok "$address/api/overview"
  log_success "monitor running (pid $(pid_of monitor), log $LOG_DIR/monitor.log)"
  echo "$address"
}

cmd_stop() {
  if pid_of monitor >/dev/null; then stop_recorded monitor; log_success "monitor stopped"; else log_info "the monitor is not running"; fi
}

cmd_status() {
  if pid_of monitor >/dev/null; then
    echo "monitor: running (pid $(pid_of monitor)) at $(url), read model in $MONITOR_DIR/data"
  else
    echo "monitor: not running"
    return 3
  fi
}

main() {
  local command="${1:-}"
  (( $# )) && shift
  parse_flags "$@"
  case "$command" in
    start | stop | status) "cmd_$command" ;;
    url) url ;;
    *) usage >&2; fatal "unknown command: '$command'" ;;
  esac
}

main "$@"
