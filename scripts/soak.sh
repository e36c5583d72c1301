#!/usr/bin/env bash
# Soak test of the bill market on the real network (issue 8, part 6): mixed bill load for a long
# time with one fault every few minutes (in turn: kill -9 of the bill chaincode service, a restart
# of BankA's peer, a restart of the orderer), then the ledger audit. Writes a Markdown report with
# throughput per minute, errors by type and the RSS of the chaincode service and the driver.
# Not part of CI. It runs the NUnit test Resilience/Faults/SoakTests.cs, which brings the network
# up if it is not running (and down again afterwards unless --keep-network).
#
#   scripts/soak.sh [--minutes N] [--fault-every N] [--workers N] [--report FILE] [--keep-network] [-- DOTNET_TEST_ARGS...]
#
#   --minutes       how long the load runs (default: 30)
#   --fault-every   minutes between faults; the first strikes half an interval in (default: 5)
#   --workers       concurrent bill-flow workers (default: 6)
#   --report        the Markdown report (default: TestResults/soak/soak-<UTC time>.md)
#   --keep-network  leave a network the run started running (FABFIN_KEEP_NETWORK=1)
#   -- ...          passed to `dotnet test` as they are (e.g. --artifacts-path DIR)
#
# A second network beside the default one: set FABFIN_STATE_DIR and FABFIN_PORT_OFFSET, as for
# the integration tests (docs/testing.md).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MINUTES=30
FAULT_EVERY=5
WORKERS=6
REPORT=""
KEEP_NETWORK=""
TEST_ARGS=()

usage() {
  sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

fail() {
  echo "soak.sh: $1" >&2
  exit 2
}

positive() {
  [[ "$2" =~ ^[0-9]+([.][0-9]+)?$ && ! "$2" =~ ^0+([.]0+)?$ ]] || fail "$1 must be a positive number, got '$2'"
}

parse_flags() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --minutes) MINUTES=${2:?--minutes needs a number}; shift 2 ;;
      --fault-every) FAULT_EVERY=${2:?--fault-every needs a number}; shift 2 ;;
      --workers) WORKERS=${2:?--workers needs a number}; shift 2 ;;
      --report) REPORT=${2:?--report needs a file}; shift 2 ;;
      --keep-network) KEEP_NETWORK=1; shift ;;
      --) shift; TEST_ARGS=("$@"); return 0 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; fail "unknown argument '$1'" ;;
    esac
  done
}

main() {
  parse_flags "$@"
  positive --minutes "$MINUTES"
  positive --fault-every "$FAULT_EVERY"
  [[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || fail "--workers must be a positive integer, got '$WORKERS'"
  [[ -n "$REPORT" ]] || REPORT="$ROOT/TestResults/soak/soak-$(date -u +%Y%m%d-%H%M%S).md"
  [[ "$REPORT" == /* ]] || REPORT="$PWD/$REPORT"
  mkdir -p "$(dirname "$REPORT")"
  rm -f "$REPORT"

  export FABFIN_SOAK_MINUTES="$MINUTES" FABFIN_SOAK_FAULT_EVERY_MINUTES="$FAULT_EVERY" FABFIN_SOAK_WORKERS="$WORKERS"
  export FABFIN_SOAK_REPORT="$REPORT"
  [[ -z "$KEEP_NETWORK" ]] || export FABFIN_KEEP_NETWORK=1
  echo "soak: $MINUTES min, a fault every $FAULT_EVERY min, $WORKERS workers; report: $REPORT"
  cd "$ROOT"
  local status=0
  dotnet test tests/FabricFinance.IntegrationTests --nologo --filter "Category=Soak" \
    --logger "console;verbosity=normal" "${TEST_ARGS[@]}" || status=$?
  if [[ -f "$REPORT" ]]; then
    echo "soak report: $REPORT"
  else
    echo "soak.sh: no report was written (see the test output above)" >&2
    status=1
  fi
  exit "$status"
}

main "$@"
