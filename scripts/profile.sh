#!/usr/bin/env bash
# Where the CPU goes (docs/performance.md, "Profiling"): perf samples a chaincode service and
# fabfin while `fabfin bench` runs one phase on the benchmark network, then prints the frames
# that hold the most samples (.NET methods by name) for each process, and keeps the reports.
#
# Usage: scripts/profile.sh [FLAGS]
#   --workload NAME    evaluate, submit or mixed (default evaluate)
#   --level N          operations in flight (default 8)
#   --seconds N        how long perf samples, after a 10-second warm-up (default 20)
#   --chaincode NAME   the chaincode service to sample: bills or noop (default bills)
#   --state-dir DIR    the benchmark network (default artifacts/bench/network); start it with
#                      scripts/bench.sh --keep (any short run), which also deploys both chaincodes
#   --top N            frames printed per process (default 30)
# Needs perf (Debian package linux-perf) and the right to use it (root, or
# kernel.perf_event_paranoid <= 1). The chaincode service is restarted twice: with perf's symbol
# map switched on, and afterwards as before.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source-path=SCRIPTDIR
source "$ROOT/scripts/lib/log.sh"

WORKLOAD=evaluate LEVEL=8 SECONDS_SAMPLED=20 CHAINCODE=bills TOP=30 WARMUP=10
STATE_DIR="$ROOT/artifacts/bench/network"
FABFIN="$ROOT/client/src/FabricFinance.Bills.Cli/bin/Release/net10.0/fabfin.dll"
# .NET writes /tmp/perf-PID.map for its JIT-compiled code when asked, and perf reads it; with
# W^X on, that code runs from a double mapping perf cannot match to the map, so it goes off here.
PERF_ENV=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
DRIVER_PID="" RESTARTED=""

usage() { sed -n '6,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

parse_flags() {
  while (( $# )); do
    case "$1" in
      --workload | --level | --seconds | --chaincode | --state-dir | --top)
        (( $# >= 2 )) || fatal "$1 needs a value"
        case "$1" in
          --workload) WORKLOAD="$2" ;;
          --level) LEVEL="$2" ;;
          --seconds) SECONDS_SAMPLED="$2" ;;
          --chaincode) CHAINCODE="$2" ;;
          --state-dir) STATE_DIR="$(cd "$2" && pwd)" ;;
          --top) TOP="$2" ;;
        esac
        shift 2 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; fatal "unknown flag: $1" ;;
    esac
  done
  [[ "$WORKLOAD" =~ ^(evaluate|submit|mixed)$ ]] || fatal "--workload must be evaluate, submit or mixed, got '$WORKLOAD'"
  [[ "$CHAINCODE" =~ ^(bills|noop)$ ]] || fatal "--chaincode must be bills or noop, got '$CHAINCODE'"
  local value
  for value in "$LEVEL" "$SECONDS_SAMPLED" "$TOP"; do
    [[ "$value" =~ ^[1-9][0-9]*$ ]] || fatal "--level, --seconds and --top take positive integers, got '$value'"
  done
}

network() { FABFIN_STATE_DIR="$STATE_DIR" "$ROOT/scripts/network.sh" "$@"; }

# restart_chaincode [ENV...]: the chaincode service again, at log level warning as bench.sh runs it.
restart_chaincode() {
  env "$@" Logging__LogLevel__Default=Warning FABFIN_STATE_DIR="$STATE_DIR" \
    "$ROOT/scripts/network.sh" restart --node "chaincode-$CHAINCODE" >/dev/null
}

chaincode_pid() { read -r pid _ < "$STATE_DIR/.run/pids/chaincode-$CHAINCODE.pid" && echo "$pid"; }

cleanup() {
  local status=$?
  [[ -n "$DRIVER_PID" ]] && kill "$DRIVER_PID" 2>/dev/null && wait "$DRIVER_PID" 2>/dev/null
  if [[ -n "$RESTARTED" ]]; then
    restart_chaincode || log_warn "could not restart chaincode-$CHAINCODE; run: FABFIN_STATE_DIR=$STATE_DIR scripts/network.sh restart --node chaincode-$CHAINCODE"
  fi
  exit "$status"
}

# top_frames DATA OUT: the frames with the most samples, children included (a method's share
# counts what it calls), named where perf or the .NET map knows them.
top_frames() {
  perf report -i "$1" --children --sort sym --stdio -g none --percent-limit 0.5 2>/dev/null |
    grep -E '^ +[0-9.]+%' | grep -vE '\] 0x[0-9a-f]+$' > "$2"
  head -n "$TOP" "$2" | cut -c1-200
}

main() {
  parse_flags "$@"
  command -v perf >/dev/null || fatal "perf is not installed" "apt-get install linux-perf"
  network status >/dev/null 2>&1 ||
    fatal "no benchmark network runs in $STATE_DIR" "start one: scripts/bench.sh --workloads evaluate --levels 1 --duration 1 --warmup 1 --keep"
  [[ -f "$FABFIN" ]] || dotnet build client/src/FabricFinance.Bills.Cli -c Release --nologo -v quiet >/dev/null ||
    fatal "the build of fabfin failed"
  trap cleanup EXIT
  local out
  out="$ROOT/artifacts/profile/$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$out"

  log_info "restarting chaincode-$CHAINCODE with perf's symbol map"
  RESTARTED=1
  restart_chaincode "${PERF_ENV[@]}"
  local cc
  cc="$(chaincode_pid)"

  log_info "fabfin bench: $WORKLOAD at $LEVEL in flight against $CHAINCODE"
  env "${PERF_ENV[@]}" FABFIN_STATE_DIR="$STATE_DIR" dotnet "$FABFIN" bench --setup --chaincode "$CHAINCODE" \
    --workload "$WORKLOAD" --levels "$LEVEL" --warmup "$WARMUP" --duration $((SECONDS_SAMPLED + 5)) \
    --json-out "$out/bench.json" > "$out/bench.log" 2>&1 &
  DRIVER_PID=$!
  # Setup takes a few seconds; sampling starts once the warm-up is under way.
  sleep $((WARMUP + 5))
  kill -0 "$DRIVER_PID" 2>/dev/null || fatal "fabfin bench stopped early" "see $out/bench.log"

  log_info "sampling chaincode-$CHAINCODE (pid $cc) and fabfin (pid $DRIVER_PID) for $SECONDS_SAMPLED s"
  perf record -F 499 -g -p "$cc" -o "$out/chaincode.data" -- sleep "$SECONDS_SAMPLED" 2>/dev/null &
  local perf_cc=$!
  perf record -F 499 -g -p "$DRIVER_PID" -o "$out/driver.data" -- sleep "$SECONDS_SAMPLED" 2>/dev/null
  wait "$perf_cc"
  wait "$DRIVER_PID" || log_warn "fabfin bench ended with an error (see $out/bench.log)"
  DRIVER_PID=""

  echo
  log_info "chaincode-$CHAINCODE: share of its samples, children included"
  top_frames "$out/chaincode.data" "$out/chaincode.txt"
  echo
  log_info "fabfin (the client): share of its samples, children included"
  top_frames "$out/driver.data" "$out/driver.txt"
  echo
  log_success "reports: $out/{chaincode,driver}.txt; perf data beside them (perf report -i FILE)"
}

main "$@"
