#!/usr/bin/env bash
# The environment of each Fabric process (the same for a native process and a container, see
# docker.sh), and the peer CLI acting as an org admin.

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
