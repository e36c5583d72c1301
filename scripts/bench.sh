#!/usr/bin/env bash
# The load benchmark in one command (docs/performance.md): starts its own Fabric 2.5 network
# (own state folder and port offset, peers and orderer at log level warning, so a development
# network is never touched), deploys the bill chaincode and the no-op ceiling beside it, runs
# `fabfin bench` (Release) for every workload and concurrency against both, writes the JSON
# report to artifacts/bench/<UTC timestamp>.json, prints the tables, and stops the network.
#
# Usage: scripts/bench.sh [FLAGS]
#   --duration SECONDS   measured window of each phase (default 30)
#   --warmup SECONDS     load before each window, not counted (default 5)
#   --levels LIST        concurrency levels (default 1,8,32,64,128)
#   --workloads LIST     evaluate,submit,mixed (default all three)
#   --rounds N           run each workload and level N times, bills and noop alternating;
#                        the comparison and the targets pool the rounds (default 1)
#   --soak SECONDS       afterwards, one long mixed phase at 32 in flight against the bill
#                        chaincode alone, after 60 s of warm-up, for memory growth (600 for
#                        the 10-minute target)
#   --port-offset N      the network's ports + N (default 600); chaincodes on 10003/10004 + N
#   --state-dir DIR      the network's state and logs (default artifacts/bench/network)
#   --keep               leave the network running afterwards (a later run reuses it)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source-path=SCRIPTDIR
source "$ROOT/scripts/lib/log.sh"
source "$ROOT/scripts/lib/settings.sh"

DURATION=30 WARMUP=5 LEVELS="1,8,32,64,128" WORKLOADS="evaluate,submit,mixed" ROUNDS=1 SOAK=""
PORT_OFFSET=600 STATE_DIR="$ROOT/artifacts/bench/network" KEEP="" STARTED=""
FABFIN="$ROOT/client/src/FabricFinance.Bills.Cli/bin/Release/net10.0/fabfin.dll"

usage() { sed -n '8,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

parse_flags() {
  while (( $# )); do
    case "$1" in
      --duration | --warmup | --levels | --workloads | --rounds | --soak | --port-offset | --state-dir)
        (( $# >= 2 )) || fatal "$1 needs a value"
        case "$1" in
          --duration) DURATION="$2" ;;
          --warmup) WARMUP="$2" ;;
          --levels) LEVELS="$2" ;;
          --workloads) WORKLOADS="$2" ;;
          --rounds) ROUNDS="$2" ;;
          --soak) SOAK="$2" ;;
          --port-offset) PORT_OFFSET="$2" ;;
          --state-dir) STATE_DIR="$(mkdir -p "$2" && cd "$2" && pwd)" ;;
        esac
        shift 2 ;;
      --keep) KEEP=1; shift ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; fatal "unknown flag: $1" ;;
    esac
  done
  [[ "$PORT_OFFSET" =~ ^[0-9]+$ ]] || fatal "--port-offset must be a non-negative integer, got '$PORT_OFFSET'"
  [[ -z "$SOAK" || "$SOAK" =~ ^[0-9]+$ ]] || fatal "--soak must be a number of seconds, got '$SOAK'"
}

network() { FABFIN_STATE_DIR="$STATE_DIR" "$ROOT/scripts/network.sh" "$@"; }

# saved SETTING: a setting of the running network, from the effective settings `up` saved.
saved() { saved_setting "$STATE_DIR" "$1"; }

# start_network: our own network at log level warning; a running one is reused only if it runs
# at warning (info-level peer logging costs 15-35% of evaluate throughput, FABRIC-NOTES.md).
start_network() {
  if network status >/dev/null 2>&1; then
    local level
    level="$(saved LOG_LEVEL)"
    [[ "$level" == warning ]] ||
      fatal "the network in $STATE_DIR runs at log level '$level'; benchmarks need warning" \
        "stop it (FABFIN_STATE_DIR=$STATE_DIR scripts/network.sh down) or pass another --state-dir"
    PORT_OFFSET="$(saved PORT_OFFSET)"
    log_info "reusing the network in $STATE_DIR (port offset $PORT_OFFSET, log level warning)"
    return 0
  fi
  network up --port-offset "$PORT_OFFSET" --log-level warning
  STARTED=1
}

cleanup() {
  local status=$?
  if [[ -n "$STARTED" && -z "$KEEP" ]]; then
    network down || log_warn "could not stop the network in $STATE_DIR"
  fi
  exit "$status"
}

deploy() {
  # The services inherit this: they log at warning too, like the peers.
  Logging__LogLevel__Default=Warning network deploy "$@" >/dev/null
}

main() {
  parse_flags "$@"
  mkdir -p "$ROOT/artifacts/bench"
  trap cleanup EXIT
  start_network
  log_info "deploying the bill chaincode and the no-op ceiling"
  deploy --name bills --project chaincode/src/FabricFinance.Bills.Service \
    --address "127.0.0.1:$((10003 + PORT_OFFSET))" --terms-collections
  deploy --name noop --project tests/FabricFinance.Benchmarks.Noop.Chaincode \
    --address "127.0.0.1:$((10004 + PORT_OFFSET))"
  log_info "building fabfin (Release)"
  dotnet build client/src/FabricFinance.Bills.Cli -c Release --nologo -v quiet >/dev/null ||
    fatal "the build of fabfin failed" "run: dotnet build client/src/FabricFinance.Bills.Cli -c Release"

  local report
  report="$ROOT/artifacts/bench/$(date -u +%Y%m%dT%H%M%SZ).json"
  FABFIN_STATE_DIR="$STATE_DIR" dotnet "$FABFIN" bench --setup --compare noop \
    --workload "$WORKLOADS" --levels "$LEVELS" --rounds "$ROUNDS" --duration "$DURATION" --warmup "$WARMUP" \
    --json-out "$report"
  if [[ -n "$SOAK" ]]; then
    # A minute of warm-up: the window's first RSS reading must come after start-up (JIT, pools,
    # connections), or growth to the steady state would read as memory growing under load.
    log_info "soak: mixed at 32 in flight for $SOAK s, after 60 s of warm-up"
    FABFIN_STATE_DIR="$STATE_DIR" dotnet "$FABFIN" bench --workload mixed --levels 32 \
      --duration "$SOAK" --warmup 60 --json-out "${report%.json}-soak.json"
  fi
  log_success "report: $report"
}

main "$@"
