#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR disable=SC2034  # globals defined here are used by the callers
# Paths, Fabric binary and config discovery, and the settings of network/network.config
# (read, overridden by flags, saved for later commands). The tables are parsed in tables.sh,
# the processes' environments built in nodeenv.sh. Sourced by scripts/network.sh after
# REPO_ROOT is set.

NETWORK_DIR="$REPO_ROOT/network"
# FABFIN_STATE_DIR moves state and logs elsewhere, so that a second network (with --port-offset)
# can run beside the default one.
STATE_ROOT="${FABFIN_STATE_DIR:-$NETWORK_DIR}"
RUN_DIR="$STATE_ROOT/.run"           # generated state; removed by `down`
LOG_DIR="$STATE_ROOT/.logs"          # process logs
CRYPTO_DIR="$RUN_DIR/crypto"         # cryptogen output (MSPs, TLS material, users)
RUN_CFG_DIR="$RUN_DIR/config"        # run-time core.yaml / orderer.yaml (FABRIC_CFG_PATH)
PID_DIR="$RUN_DIR/pids"
EFFECTIVE_CONFIG="$RUN_DIR/network.env"
CHANNEL_PROFILE="FabFinChannel"      # profile in network/configtx/configtx.yaml
FABRIC_TOOLS=(peer orderer configtxgen cryptogen osnadmin)
# The caller's FABRIC_CFG_PATH, before the scripts point it at the run directory.
USER_FABRIC_CFG_PATH="${FABRIC_CFG_PATH:-}"

# find_fabric: set FABRIC_BIN_DIR and FABRIC_CONFIG_DIR or exit with the fix.
# Binaries: $FABRIC_BIN, then <repo>/.fabric/bin, then PATH.
# Sample config: $FABRIC_CFG_PATH, then <bin>/../config, then /etc/hyperledger/fabric.
find_fabric() {
  local how_to_fix=("install the Fabric 2.5 release with scripts/install-fabric.sh (puts it in $REPO_ROOT/.fabric)"
                    "or set FABRIC_BIN to the folder holding peer, orderer, configtxgen, cryptogen and osnadmin")
  if [[ -n "${FABRIC_BIN:-}" ]]; then
    [[ -x "$FABRIC_BIN/peer" ]] || fatal "FABRIC_BIN=$FABRIC_BIN does not contain the peer binary" "${how_to_fix[@]}"
    FABRIC_BIN_DIR="$(cd "$FABRIC_BIN" && pwd)"
  elif [[ -x "$REPO_ROOT/.fabric/bin/peer" ]]; then
    FABRIC_BIN_DIR="$REPO_ROOT/.fabric/bin"
  elif command -v peer >/dev/null 2>&1; then
    FABRIC_BIN_DIR="$(cd "$(dirname "$(command -v peer)")" && pwd)"
  else
    fatal "Fabric binaries not found (looked in \$FABRIC_BIN, $REPO_ROOT/.fabric/bin and PATH)" "${how_to_fix[@]}"
  fi
  local tool
  for tool in "${FABRIC_TOOLS[@]}"; do
    [[ -x "$FABRIC_BIN_DIR/$tool" ]] || fatal "$FABRIC_BIN_DIR has peer but no $tool" "${how_to_fix[@]}"
  done
  if [[ -n "$USER_FABRIC_CFG_PATH" ]]; then
    [[ -f "$USER_FABRIC_CFG_PATH/core.yaml" && -f "$USER_FABRIC_CFG_PATH/orderer.yaml" ]] ||
      fatal "FABRIC_CFG_PATH=$USER_FABRIC_CFG_PATH has no core.yaml and orderer.yaml" \
        "unset FABRIC_CFG_PATH or point it at Fabric's config folder"
    FABRIC_CONFIG_DIR="$(cd "$USER_FABRIC_CFG_PATH" && pwd)"
    return 0
  fi
  local dir
  for dir in "$FABRIC_BIN_DIR/../config" /etc/hyperledger/fabric; do
    if [[ -f "$dir/core.yaml" && -f "$dir/orderer.yaml" ]]; then
      FABRIC_CONFIG_DIR="$(cd "$dir" && pwd)"
      return 0
    fi
  done
  fatal "Fabric's sample config (core.yaml, orderer.yaml) not found" \
    "looked in \$FABRIC_CFG_PATH, $FABRIC_BIN_DIR/../config and /etc/hyperledger/fabric" "${how_to_fix[@]}"
}

# load_config FLAG_ASSIGNMENTS...: read the settings, then apply NAME=VALUE overrides from flags.
# network/network.config (or --config FILE) gives every default; a running network's
# effective copy, when present, is read on top of it.
load_config() {
  local file="${CONFIG_FILE:-$NETWORK_DIR/network.config}"
  [[ -f "$file" ]] || fatal "config file $file not found"
  # shellcheck source=../../network/network.config
  source "$file"
  if [[ -f "$EFFECTIVE_CONFIG" ]]; then
    # shellcheck source=/dev/null
    source "$EFFECTIVE_CONFIG"
  fi
  local assignment
  for assignment in "$@"; do printf -v "${assignment%%=*}" '%s' "${assignment#*=}"; done
  # Settings added later than some copies of network.config (--config FILE): their defaults.
  : "${BACKEND:=native}" "${DOCKER_ORDERER_IMAGE:=hyperledger/fabric-orderer:2.5}" "${DOCKER_PEER_IMAGE:=hyperledger/fabric-peer:2.5}"
  [[ -v TRADING_ORGS ]] || TRADING_ORGS=""
  [[ -v TERMS_READERS ]] || TERMS_READERS=""
  parse_tables
}

# save_config: write the effective settings for later commands on this network.
save_config() {
  [[ -v PARTIES ]] || PARTIES=()
  [[ -v VOTING_ORGS ]] || VOTING_ORGS="$(peer_org_keys | xargs)"
  declare -p CHANNEL_NAME BATCH_TIMEOUT BATCH_MAX_MESSAGES LOG_LEVEL CC_STARTUP_TIMEOUT READY_TIMEOUT CC_STOP_GRACE \
    LISTEN_HOST PORT_OFFSET BACKEND DOCKER_ORDERER_IMAGE DOCKER_PEER_IMAGE CC_NAME CC_VERSION CC_PROJECT CC_ADDRESS \
    CC_DIAL_TIMEOUT CC_TLS CC_COLLECTIONS_CONFIG CC_SIGNATURE_POLICY ORGS NODES PARTIES VOTING_ORGS TRADING_ORGS TERMS_READERS |
    sed -e 's/^declare -- /declare -g /' -e 's/^declare -a /declare -ga /' > "$EFFECTIVE_CONFIG"
}

# resolve_path PATH: absolute path; a relative one is taken from the caller's directory when
# it exists there, otherwise from the repository root (how network.config paths are written).
resolve_path() {
  local path="$1"
  if [[ "$path" != /* ]]; then
    if [[ -e "$CALLER_PWD/$path" ]]; then path="$CALLER_PWD/$path"; else path="$REPO_ROOT/$path"; fi
  fi
  [[ -e "$path" ]] || { echo "$path"; return 0; }
  if [[ -d "$path" ]]; then (cd "$path" && pwd); else echo "$(cd "$(dirname "$path")" && pwd)/$(basename "$path")"; fi
}
