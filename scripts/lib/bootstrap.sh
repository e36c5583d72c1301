#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Steps of `network.sh up`: identities, run-time config, the channel's first block, the
# orderer and peer processes, channel joins and the readiness checks between them.

# quietly DESCRIPTION COMMAND...: run COMMAND, show its output only when it fails.
quietly() {
  local what="$1" out
  shift
  if ! out="$("$@" 2>&1)"; then
    printf '%s\n' "$out" >&2
    fatal "$what failed"
  fi
}

generate_crypto() {
  quietly "cryptogen" "$FABRIC_BIN_DIR/cryptogen" generate \
    --config="$NETWORK_DIR/cryptogen/crypto-config.yaml" --output="$CRYPTO_DIR"
  local id key
  for id in "${NODE_IDS[@]}"; do
    [[ -d "$(node_dir "$id")" ]] ||
      fatal "network/cryptogen/crypto-config.yaml does not define $id (listed in NODES)"
  done
  for key in "${ORG_KEYS[@]}"; do
    [[ -d "$(org_user "$key" Admin)" ]] ||
      fatal "network/cryptogen/crypto-config.yaml does not define org ${ORG_DOMAIN[$key]} (listed in ORGS)"
  done
}

# write_runtime_config: copies of Fabric's core.yaml and orderer.yaml with Docker disabled
# (an empty CORE_VM_ENDPOINT would be ignored, so the file itself is blanked) and no
# wildcard listen address left in them; everything else is set through CORE_*/ORDERER_*.
write_runtime_config() {
  mkdir -p "$RUN_CFG_DIR"
  sed -e 's#^\([[:space:]]*endpoint:[[:space:]]*\)unix:///var/run/docker.sock#\1#' -e 's#0\.0\.0\.0#127.0.0.1#g' \
    "$FABRIC_CONFIG_DIR/core.yaml" > "$RUN_CFG_DIR/core.yaml"
  if grep -v '^[[:space:]]*#' "$RUN_CFG_DIR/core.yaml" | grep -q 'docker\.sock'; then
    fatal "could not blank vm.endpoint in $RUN_CFG_DIR/core.yaml (unexpected core.yaml layout)"
  fi
  sed -e 's#0\.0\.0\.0#127.0.0.1#g' "$FABRIC_CONFIG_DIR/orderer.yaml" > "$RUN_CFG_DIR/orderer.yaml"
}

channel_block() { echo "$RUN_DIR/channel/$CHANNEL_NAME.block"; }

make_channel_block() {
  [[ "$CHANNEL_NAME" =~ ^[a-z][a-z0-9.-]{0,248}$ ]] ||
    fatal "channel name '$CHANNEL_NAME' is invalid (lower case letters, digits, '.' and '-', starting with a letter)"
  mkdir -p "$RUN_DIR/configtx" "$RUN_DIR/channel"
  render_template "$NETWORK_DIR/configtx/configtx.yaml" "$RUN_DIR/configtx/configtx.yaml"
  quietly "configtxgen" env FABRIC_CFG_PATH="$RUN_DIR/configtx" "$FABRIC_BIN_DIR/configtxgen" \
    -profile "$CHANNEL_PROFILE" -channelID "$CHANNEL_NAME" -outputBlock "$(channel_block)"
}

# check_ports_free: fail before starting anything if a port of the tables is taken.
check_ports_free() {
  local id port
  for id in "${NODE_IDS[@]}"; do
    for port in "${NODE_PORT[$id]}" "${NODE_PORT2[$id]}" "${NODE_OPS[$id]}"; do
      if port_open "$LISTEN_HOST" "$port"; then
        fatal "port $LISTEN_HOST:$port (for $id) is already in use" "free it, or change the NODES table (see --config)"
      fi
    done
  done
}

ops_url() { echo "http://$LISTEN_HOST:${NODE_OPS[$1]}/$2"; }

# start_node ID: start one orderer or peer with its environment (its data survives restarts).
start_node() {
  local id="$1"
  if [[ "${ORG_KIND[${NODE_ORG[$id]}]}" == orderer ]]; then
    mapfile -t PROC_ENV < <(orderer_env "$id")
    PROC_ENV=(-i "${PROC_ENV[@]}")
    start_process "$id" "$LOG_DIR/$id.log" "$FABRIC_BIN_DIR/orderer"
  else
    mkdir -p "$(node_data "$id")"
    mapfile -t PROC_ENV < <(peer_env "$id")
    PROC_ENV=(-i "${PROC_ENV[@]}")
    start_process "$id" "$LOG_DIR/$id.log" "$FABRIC_BIN_DIR/peer" node start
  fi
}

wait_healthy() { wait_for "$1" "$1 to report healthy" http_ok "$(ops_url "$1" healthz)"; }

# start_nodes: every orderer and peer as a local process, or in containers (docker.sh).
start_nodes() {
  local id
  if [[ "$BACKEND" == docker ]]; then
    docker_start
  else
    for id in "${ORDERER_IDS[@]}" "${PEER_IDS[@]}"; do start_node "$id"; done
  fi
  for id in "${NODE_IDS[@]}"; do wait_healthy "$id"; done
}

raft_has_leader() {
  local id
  for id in "${ORDERER_IDS[@]}"; do
    [[ "$(metric "$(ops_url "$id" metrics)" consensus_etcdraft_is_leader "channel=\"$CHANNEL_NAME\"")" == 1 ]] && return 0
  done
  return 1
}

# join_orderers: hand the channel's first block to every orderer via its admin endpoint
# (mutual TLS with the orderer org admin's TLS client certificate), then wait for a leader.
join_orderers() {
  local id admin
  for id in "${ORDERER_IDS[@]}"; do
    admin="$(org_user "${NODE_ORG[$id]}" Admin)/tls"
    quietly "osnadmin channel join on $id" "$FABRIC_BIN_DIR/osnadmin" channel join \
      --channelID "$CHANNEL_NAME" --config-block "$(channel_block)" \
      -o "$LISTEN_HOST:${NODE_PORT2[$id]}" --ca-file "$(org_tls_ca "${NODE_ORG[$id]}")" \
      --client-cert "$admin/client.crt" --client-key "$admin/client.key"
  done
  wait_for "" "a raft leader on channel $CHANNEL_NAME" raft_has_leader
}

peers_known() {
  local count
  count="$(metric "$(ops_url "$1" metrics)" gossip_membership_total_peers_known "channel=\"$CHANNEL_NAME\"")"
  [[ -n "$count" ]] && (( ${count%%.*} >= ${#PEER_IDS[@]} - 1 ))
}

# join_peers: every peer joins from the block file, then waits until gossip shows it all the
# other peers of the channel (the Gateway's discovery needs that for multi-org endorsement).
join_peers() {
  local id
  for id in "${PEER_IDS[@]}"; do
    quietly "peer channel join on $id" as_admin "$id" peer channel join -b "$(channel_block)"
  done
  for id in "${PEER_IDS[@]}"; do
    wait_for "$id" "$id to see the other peers through gossip" peers_known "$id"
  done
}
