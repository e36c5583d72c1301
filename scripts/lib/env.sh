#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR disable=SC2034  # globals defined here are used by the callers
# Paths, Fabric binary and config discovery, the org/node tables of network/network.config,
# and the environment of each Fabric process and of the peer CLI acting as an org admin.
# Sourced by scripts/network.sh after REPO_ROOT is set.

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
  parse_tables
}

# save_config: write the effective settings for later commands on this network.
save_config() {
  [[ -v PARTIES ]] || PARTIES=()
  [[ -v VOTING_ORGS ]] || VOTING_ORGS="$(peer_org_keys | xargs)"
  declare -p CHANNEL_NAME BATCH_TIMEOUT BATCH_MAX_MESSAGES LOG_LEVEL CC_STARTUP_TIMEOUT READY_TIMEOUT CC_STOP_GRACE \
    LISTEN_HOST PORT_OFFSET CC_NAME CC_VERSION CC_PROJECT CC_ADDRESS CC_DIAL_TIMEOUT CC_TLS CC_COLLECTIONS_CONFIG \
    CC_SIGNATURE_POLICY ORGS NODES PARTIES VOTING_ORGS | sed -e 's/^declare -- /declare -g /' -e 's/^declare -a /declare -ga /' > "$EFFECTIVE_CONFIG"
}

# parse_tables: ORGS/NODES rows into lookup arrays, checked for typos and port clashes.
#   ORG_KEYS, ORG_MSP[key], ORG_DOMAIN[key], ORG_KIND[key]
#   NODE_IDS (e.g. peer0.exchange.example.com), PEER_IDS, ORDERER_IDS,
#   NODE_ORG[id], NODE_HOST[id], NODE_PORT[id], NODE_PORT2[id], NODE_OPS[id]
parse_tables() {
  ORG_KEYS=() NODE_IDS=() PEER_IDS=() ORDERER_IDS=()
  declare -gA ORG_MSP=() ORG_DOMAIN=() ORG_KIND=() NODE_ORG=() NODE_HOST=() NODE_PORT=() NODE_PORT2=() NODE_OPS=()
  local row key msp domain kind extra host port port2 ops id
  [[ "${PORT_OFFSET:=0}" =~ ^[0-9]+$ ]] || fatal "--port-offset must be a non-negative integer, got '$PORT_OFFSET'"
  for row in "${ORGS[@]}"; do
    read -r key msp domain kind extra <<<"$row"
    [[ -n "$kind" && -z "$extra" && "$kind" =~ ^(orderer|peer)$ ]] || fatal "bad ORGS row: '$row'"
    ORG_KEYS+=("$key") ORG_MSP[$key]="$msp" ORG_DOMAIN[$key]="$domain" ORG_KIND[$key]="$kind"
  done
  local -A seen_ports=()
  for row in "${NODES[@]}"; do
    read -r key host port port2 ops extra <<<"$row"
    [[ -n "$ops" && -z "$extra" && -n "${ORG_KIND[$key]:-}" ]] || fatal "bad NODES row: '$row'"
    for port in "$port" "$port2" "$ops"; do
      [[ "$port" =~ ^[0-9]+$ && -z "${seen_ports[$port]:-}" ]] || fatal "NODES row '$row': port $port is invalid or used twice"
      seen_ports[$port]=1
    done
    read -r key host port port2 ops <<<"$row"
    port=$((port + PORT_OFFSET)) port2=$((port2 + PORT_OFFSET)) ops=$((ops + PORT_OFFSET))
    id="$host.${ORG_DOMAIN[$key]}"
    NODE_IDS+=("$id") NODE_ORG[$id]="$key" NODE_HOST[$id]="$host"
    NODE_PORT[$id]="$port" NODE_PORT2[$id]="$port2" NODE_OPS[$id]="$ops"
    if [[ "${ORG_KIND[$key]}" == orderer ]]; then ORDERER_IDS+=("$id"); else PEER_IDS+=("$id"); fi
  done
  for key in "${ORG_KEYS[@]}"; do
    [[ " ${NODE_ORG[*]} " == *" $key "* ]] || fatal "org '$key' has no row in NODES"
  done
  (( ${#ORDERER_IDS[@]} > 0 && ${#PEER_IDS[@]} > 0 )) || fatal "the tables need at least one orderer and one peer"
  [[ "$LISTEN_HOST" == 127.0.0.1 ]] || fatal "LISTEN_HOST must stay 127.0.0.1 (this network never listens elsewhere)"
}

# Paths into the cryptogen output.
org_dir()     { echo "$CRYPTO_DIR/${ORG_KIND[$1]}Organizations/${ORG_DOMAIN[$1]}"; }
org_tls_ca()  { echo "$(org_dir "$1")/tlsca/tlsca.${ORG_DOMAIN[$1]}-cert.pem"; }
org_user()    { echo "$(org_dir "$1")/users/$2@${ORG_DOMAIN[$1]}"; }   # org_user KEY Admin|User1...
node_dir()    { echo "$(org_dir "${NODE_ORG[$1]}")/${ORG_KIND[${NODE_ORG[$1]}]}s/$1"; }
node_addr()   { echo "$LISTEN_HOST:${NODE_PORT[$1]}"; }
node_data()   { echo "$RUN_DIR/data/$1"; }
# first_peer KEY: the peer an org's admin talks to.
first_peer() {
  local id
  for id in "${PEER_IDS[@]}"; do [[ "${NODE_ORG[$id]}" == "$1" ]] && { echo "$id"; return 0; }; done
  return 1
}
peer_org_keys() {
  local key
  for key in "${ORG_KEYS[@]}"; do [[ "${ORG_KIND[$key]}" == peer ]] && echo "$key"; done
  return 0
}

# Values for the ${...} placeholders of network/configtx/configtx.yaml.
template_vars() {
  local id
  printf '%s\n' "CRYPTO_DIR=$CRYPTO_DIR" "LISTEN_HOST=$LISTEN_HOST" \
    "BATCH_TIMEOUT=$BATCH_TIMEOUT" "BATCH_MAX_MESSAGES=$BATCH_MAX_MESSAGES"
  for id in "${NODE_IDS[@]}"; do
    printf 'PORT_%s_%s=%s\n' "${NODE_ORG[$id]^^}" "${NODE_HOST[$id]^^}" "${NODE_PORT[$id]}"
  done
}

# render_template SRC DST: fill ${NAME} placeholders; any unknown placeholder is an error.
render_template() {
  local text line
  text="$(<"$1")"
  while IFS= read -r line; do
    text="${text//"\${${line%%=*}}"/${line#*=}}"
  done < <(template_vars)
  if [[ "$text" =~ \$\{[A-Za-z0-9_]+\} ]]; then
    fatal "$1: no value for placeholder ${BASH_REMATCH[0]}" "add the node to NODES in network/network.config or fix the name"
  fi
  printf '%s\n' "$text" > "$2"
}

# Environment of the processes; `env -i` keeps the caller's CORE_*/ORDERER_* settings out.
base_env() {
  printf '%s\n' "PATH=$PATH" "HOME=${HOME:-/tmp}" "FABRIC_CFG_PATH=$RUN_CFG_DIR" \
    "FABRIC_LOGGING_SPEC=$LOG_LEVEL" "NO_PROXY=127.0.0.1,localhost" "no_proxy=127.0.0.1,localhost"
  [[ -n "${TMPDIR:-}" ]] && echo "TMPDIR=$TMPDIR"
  return 0
}

orderer_env() {
  local id="$1" dir tls org_ca h="$LISTEN_HOST"
  dir="$(node_dir "$id")" tls="$(node_dir "$id")/tls" org_ca="$(org_tls_ca "${NODE_ORG[$id]}")"
  base_env
  printf '%s\n' \
    "ORDERER_GENERAL_LISTENADDRESS=$h" "ORDERER_GENERAL_LISTENPORT=${NODE_PORT[$id]}" \
    "ORDERER_GENERAL_LOCALMSPID=${ORG_MSP[${NODE_ORG[$id]}]}" "ORDERER_GENERAL_LOCALMSPDIR=$dir/msp" \
    "ORDERER_GENERAL_BOOTSTRAPMETHOD=none" "ORDERER_GENERAL_PROFILE_ENABLED=false" \
    "ORDERER_GENERAL_TLS_ENABLED=true" "ORDERER_GENERAL_TLS_CERTIFICATE=$tls/server.crt" \
    "ORDERER_GENERAL_TLS_PRIVATEKEY=$tls/server.key" "ORDERER_GENERAL_TLS_ROOTCAS=[$tls/ca.crt]" \
    "ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE=$tls/server.crt" \
    "ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY=$tls/server.key" "ORDERER_GENERAL_CLUSTER_ROOTCAS=[$tls/ca.crt]" \
    "ORDERER_CHANNELPARTICIPATION_ENABLED=true" \
    "ORDERER_ADMIN_LISTENADDRESS=$h:${NODE_PORT2[$id]}" "ORDERER_ADMIN_TLS_ENABLED=true" \
    "ORDERER_ADMIN_TLS_CERTIFICATE=$tls/server.crt" "ORDERER_ADMIN_TLS_PRIVATEKEY=$tls/server.key" \
    "ORDERER_ADMIN_TLS_ROOTCAS=[$tls/ca.crt]" "ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true" \
    "ORDERER_ADMIN_TLS_CLIENTROOTCAS=[$org_ca]" \
    "ORDERER_OPERATIONS_LISTENADDRESS=$h:${NODE_OPS[$id]}" "ORDERER_OPERATIONS_TLS_ENABLED=false" \
    "ORDERER_METRICS_PROVIDER=prometheus" \
    "ORDERER_FILELEDGER_LOCATION=$(node_data "$id")/ledger" \
    "ORDERER_CONSENSUS_WALDIR=$(node_data "$id")/etcdraft/wal" \
    "ORDERER_CONSENSUS_SNAPDIR=$(node_data "$id")/etcdraft/snapshot"
}

peer_env() {
  local id="$1" dir tls addr h="$LISTEN_HOST"
  dir="$(node_dir "$id")" tls="$(node_dir "$id")/tls" addr="$(node_addr "$id")"
  base_env
  printf '%s\n' \
    "CORE_PEER_ID=$id" "CORE_PEER_LOCALMSPID=${ORG_MSP[${NODE_ORG[$id]}]}" "CORE_PEER_MSPCONFIGPATH=$dir/msp" \
    "CORE_PEER_LISTENADDRESS=$addr" "CORE_PEER_ADDRESS=$addr" \
    "CORE_PEER_CHAINCODELISTENADDRESS=$h:${NODE_PORT2[$id]}" "CORE_PEER_CHAINCODEADDRESS=$h:${NODE_PORT2[$id]}" \
    "CORE_PEER_GOSSIP_ENDPOINT=$addr" "CORE_PEER_GOSSIP_BOOTSTRAP=$addr" \
    "CORE_PEER_GOSSIP_EXTERNALENDPOINT=$addr" \
    "CORE_PEER_GOSSIP_USELEADERELECTION=false" "CORE_PEER_GOSSIP_ORGLEADER=true" \
    "CORE_PEER_GOSSIP_MEMBERSHIPTRACKERINTERVAL=1s" "CORE_PEER_GOSSIP_REQUESTSTATEINFOINTERVAL=1s" \
    "CORE_PEER_GOSSIP_PUBLISHSTATEINFOINTERVAL=1s" "CORE_PEER_GOSSIP_RECONNECTINTERVAL=1s" "CORE_PEER_GOSSIP_DIALTIMEOUT=1s" \
    "CORE_PEER_TLS_ENABLED=true" "CORE_PEER_TLS_CLIENTAUTHREQUIRED=false" \
    "CORE_PEER_TLS_CERT_FILE=$tls/server.crt" "CORE_PEER_TLS_KEY_FILE=$tls/server.key" \
    "CORE_PEER_TLS_ROOTCERT_FILE=$tls/ca.crt" \
    "CORE_PEER_GATEWAY_ENABLED=true" "CORE_PEER_PROFILE_ENABLED=false" \
    "CORE_PEER_FILESYSTEMPATH=$(node_data "$id")" "CORE_LEDGER_SNAPSHOTS_ROOTDIR=$(node_data "$id")/snapshots" \
    "CORE_OPERATIONS_LISTENADDRESS=$h:${NODE_OPS[$id]}" "CORE_OPERATIONS_TLS_ENABLED=false" \
    "CORE_METRICS_PROVIDER=prometheus" \
    "CORE_CHAINCODE_EXTERNALBUILDERS=[{name: ccaas, path: \"$NETWORK_DIR/builders/ccaas\", propagateEnvironment: [HOME]}]" \
    "CORE_CHAINCODE_STARTUPTIMEOUT=$CC_STARTUP_TIMEOUT"
}

# as_admin PEER_ID COMMAND...: run a peer CLI command as the admin of the peer's org.
as_admin() {
  local id="$1" org
  shift
  org="${NODE_ORG[$id]}"
  env -i "PATH=$FABRIC_BIN_DIR:$PATH" "HOME=${HOME:-/tmp}" "FABRIC_CFG_PATH=$RUN_CFG_DIR" \
    "FABRIC_LOGGING_SPEC=warning" "NO_PROXY=127.0.0.1,localhost" \
    "CORE_PEER_LOCALMSPID=${ORG_MSP[$org]}" "CORE_PEER_MSPCONFIGPATH=$(org_user "$org" Admin)/msp" \
    "CORE_PEER_ADDRESS=$(node_addr "$id")" "CORE_PEER_TLS_ENABLED=true" \
    "CORE_PEER_TLS_ROOTCERT_FILE=$(node_dir "$id")/tls/ca.crt" "$@"
}

# orderer_args: how peer CLI commands reach the (first) orderer.
orderer_args() {
  local id="${ORDERER_IDS[0]}"
  printf '%s\n' -o "$(node_addr "$id")" --tls --cafile "$(org_tls_ca "${NODE_ORG[$id]}")"
}
