#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR disable=SC2034  # the flag variables are read by network.sh
# Command line of scripts/network.sh: help text and long flags. Each value flag sets the
# network/network.config variable it is named after in that file's comments.

usage() {
  cat <<'USAGE'
Usage: scripts/network.sh COMMAND [FLAGS]

Commands:
  up       create identities, the channel and the terms collections config, start orderer
           and peers, join the channel (exit 0 at once if the network is already running)
  deploy   build, package, install, approve and commit a chaincode-as-a-service, start it;
           prints the package id (label:hash) on stdout
  restart  stop one orderer or peer (--node ID) and start it again on its ledger, or a
           chaincode service (--node chaincode-NAME) as its last deploy started it;
           also starts the node again after `kill`
  kill     SIGKILL one recorded process (--node ID or chaincode-NAME) by its recorded PID,
           to test crashes; the network is partial until `restart --node` of the same node
  logs     the last lines of every log, or of one (--node NAME, --lines N)
  status   each process with its PID and ports, each peer's channel height, committed
           chaincode (exit 1 if not running)
  down     stop every process started here (PIDs recorded at start), remove network/.run
           and network/.logs
  help     this text

Flags (defaults in network/network.config):
  --config FILE             settings file to start from (up)
  --backend native|docker   up: local processes, or Fabric's images through network/docker/
                            compose.yaml (untested here; needs Docker and the host tools)
  --no-start                up --backend docker: prepare only; the caller starts the
                            containers of .run/docker/nodes.json, then runs up again
  --channel NAME            channel name                --batch-timeout DURATION
  --batch-max-messages N    --log-level SPEC            --cc-startup-timeout DURATION
  --timeout SECONDS         readiness / shutdown wait   --cc-stop-grace SECONDS
  --name NAME               chaincode name (deploy)     --version VERSION
  --project PATH            .NET chaincode service project
  --address 127.0.0.1:PORT  chaincode service address   --dial-timeout DURATION
  --collections-config FILE private data collections    --signature-policy POLICY
  --terms-collections       deploy: add the network's deal-terms collections (terms_X_Y for
                            every pair of TRADING_ORGS) to --collections-config, if any
  --cc-tls none|tls|mutual  TLS between peers and the chaincode service (deploy)
  --port-offset N           added to every port of the NODES table (up); with
                            FABFIN_STATE_DIR set, runs a second network beside the first
  --no-service              deploy: skip build and service start (host the chaincode yourself)
  --keep-logs               down: keep network/.logs

Example: the bill chaincode, its deal terms in the terms collections, endorsed by the
channel default AND('ExchangeMSP.peer', OR('BankAMSP.peer', 'BankBMSP.peer')):
  scripts/network.sh deploy --name bills --project chaincode/src/FabricFinance.Bills.Service \
    --address 127.0.0.1:10003 --terms-collections
USAGE
}

declare -A VALUE_FLAGS=(
  [--config]=CONFIG_FILE [--channel]=CHANNEL_NAME [--batch-timeout]=BATCH_TIMEOUT
  [--batch-max-messages]=BATCH_MAX_MESSAGES [--log-level]=LOG_LEVEL
  [--cc-startup-timeout]=CC_STARTUP_TIMEOUT [--timeout]=READY_TIMEOUT [--cc-stop-grace]=CC_STOP_GRACE [--name]=CC_NAME
  [--version]=CC_VERSION [--project]=CC_PROJECT [--address]=CC_ADDRESS
  [--dial-timeout]=CC_DIAL_TIMEOUT [--collections-config]=CC_COLLECTIONS_CONFIG
  [--signature-policy]=CC_SIGNATURE_POLICY [--port-offset]=PORT_OFFSET
  [--cc-tls]=CC_TLS [--node]=NODE_NAME [--lines]=LOG_LINES [--backend]=BACKEND
)
declare -A SWITCH_FLAGS=([--no-service]=NO_SERVICE [--keep-logs]=KEEP_LOGS [--terms-collections]=TERMS_COLLECTIONS
                         [--no-start]=NO_START)
CONFIG_FILE="" NO_SERVICE="" KEEP_LOGS="" TERMS_COLLECTIONS="" NO_START="" OVERRIDES=()

parse_flags() {
  local flag value
  while (( $# )); do
    flag="${1%%=*}"
    if [[ -n "${SWITCH_FLAGS[$flag]:-}" && "$1" == "$flag" ]]; then
      printf -v "${SWITCH_FLAGS[$flag]}" 1
    elif [[ -n "${VALUE_FLAGS[$flag]:-}" ]]; then
      if [[ "$1" == *=* ]]; then value="${1#*=}"; else
        (( $# >= 2 )) || fatal "$flag needs a value"
        value="$2"; shift
      fi
      if [[ "$flag" == --config ]]; then CONFIG_FILE="$(resolve_path "$value")"; else OVERRIDES+=("${VALUE_FLAGS[$flag]}=$value"); fi
    else
      usage >&2; fatal "unknown flag: $1"
    fi
    shift
  done
}
