#!/usr/bin/env bash
# The demo: starts the native Fabric 2.5 test network (or reuses the running one), deploys the bill
# chaincode (C#, chaincode-as-a-service) with the deal-terms collections, and walks one bill through
# its whole life with `fabfin demo` (client/src/FabricFinance.Bills.Cli, on the typed .NET client).
# Ends by starting the regulator's live monitor (scripts/monitor.sh) and printing its URL.
# Safe to run again on the same network: every run trades a new bill. Leaves the network running.
#
# Usage: scripts/demo.sh [--port-offset N] [--start YYYY-MM-DD]
#   --port-offset N   the network's ports + N, the bill chaincode on 127.0.0.1:(10003 + N); with
#                     FABFIN_STATE_DIR set, a second network beside the default one (as for
#                     scripts/network.sh). Default: $FABFIN_PORT_OFFSET, else the running network's, else 0
#   --start DATE      the business date the story starts on (default: today in UTC+8)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source-path=SCRIPTDIR
source "$ROOT/scripts/lib/settings.sh"

STATE_DIR="${FABFIN_STATE_DIR:-$ROOT/network}"
BILLS_PORT=10003   # beside the samples' chaincode services (9999, 10001, 10002) + the same offset

usage() { sed -n '8,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
fail() { echo "demo.sh: $*" >&2; exit 2; }

# running_offset: the port offset the running network was started with (its saved settings).
running_offset() { saved_setting "$STATE_DIR" PORT_OFFSET; }

offset="${FABFIN_PORT_OFFSET:-}"
demo_args=()
while (( $# )); do
  case "$1" in
    --port-offset) (( $# >= 2 )) || fail "--port-offset needs a value"; offset="$2"; shift 2 ;;
    --start) (( $# >= 2 )) || fail "--start needs a date"; demo_args+=(--start "$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; fail "unknown argument: $1" ;;
  esac
done
[[ -z "$offset" || "$offset" =~ ^[0-9]+$ ]] || fail "--port-offset must be a non-negative integer, got '$offset'"

up_args=(up)
if [[ -n "$offset" ]]; then
  up_args+=(--port-offset "$offset")
elif [[ -f "$STATE_DIR/.run/network.env" ]]; then
  offset="$(running_offset)"
fi
scripts/network.sh "${up_args[@]}"

# `up` reuses a running network as it is: its offset is the one that counts.
actual="$(running_offset)"
actual="${actual:-0}"
if [[ -n "$offset" && "$offset" != "$actual" ]]; then
  fail "the network in $STATE_DIR runs with port offset $actual, not $offset: drop --port-offset, or stop it first (scripts/network.sh down)"
fi

scripts/network.sh deploy --name bills --project chaincode/src/FabricFinance.Bills.Service \
  --address "127.0.0.1:$((BILLS_PORT + actual))" --terms-collections >/dev/null

echo
dotnet run -c Release --project client/src/FabricFinance.Bills.Cli -- \
  demo --network "$STATE_DIR/.run/network.json" ${demo_args[@]+"${demo_args[@]}"}

echo
monitor_url="$(scripts/monitor.sh start)"

env_prefix=""
[[ -z "${FABFIN_STATE_DIR:-}" ]] || env_prefix="FABFIN_STATE_DIR=$FABFIN_STATE_DIR "
cat <<EOF

The regulator's monitor follows the market live: open $monitor_url
(the market, each bill's timeline, deals with their terms, and the alert feed).

The network is still running. Try, from $ROOT:
  ${env_prefix}dotnet run --project client/src/FabricFinance.Bills.Cli -- bill list --as Regulator --via ExchangeMSP
  ${env_prefix}dotnet run --project client/src/FabricFinance.Bills.Cli -- watch --as Regulator --via ExchangeMSP --from-block 0
  ${env_prefix}scripts/network.sh status      # processes, ports, heights
  ${env_prefix}scripts/monitor.sh stop        # stop the monitor
  ${env_prefix}scripts/network.sh down        # stop both
EOF
