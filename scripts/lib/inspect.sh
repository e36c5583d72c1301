#!/usr/bin/env bash
# shellcheck disable=SC2153  # NODE_OPS and the other tables are set by tables.sh
# `network.sh status` and `network.sh logs`: what runs, where it listens, how far each peer is.

# ports_of NAME: the addresses a recorded process listens on.
ports_of() {
  local name="$1" connection
  if [[ -n "${NODE_ORG[$name]:-}" ]]; then
    local second=chaincode
    [[ "${ORG_KIND[${NODE_ORG[$name]}]}" == orderer ]] && second="admin"
    printf 'listen %s  %s %s  operations %s' "$(node_addr "$name")" "$second" "${NODE_PORT2[$name]}" "${NODE_OPS[$name]}"
  elif connection="$RUN_DIR/deploy/${name#chaincode-}/src/code/connection.json" && [[ -f "$connection" ]]; then
    printf 'listen %s' "$(jq -r .address "$connection")"
  fi
}

cmd_status() {
  local state name pid id height
  state="$(network_state)"
  echo "network: $state ($RUN_DIR)"
  [[ ! -f "$RUN_DIR/docker/await-nodes" ]] || echo "prepared by up --no-start: waiting for the containers of $RUN_DIR/docker/nodes.json"
  [[ "$state" != stopped ]] || return 1
  find_fabric
  load_config "${OVERRIDES[@]}"
  echo "backend: $BACKEND"
  for name in $(recorded_names); do
    pid="$(pid_of "$name")" || pid="not running"
    printf '  %-34s pid %-12s %s\n' "$name" "$pid" "$(ports_of "$name")"
  done
  [[ "$state" == running ]] || return 1
  for id in "${PEER_IDS[@]}"; do
    height="$(as_admin "$id" peer channel getinfo --channelID "$CHANNEL_NAME" | sed -n 's/.*"height":\([0-9]*\).*/\1/p')"
    printf '  %-34s %s  channel %s height %s\n' "$id" "$(node_addr "$id")" "$CHANNEL_NAME" "$height"
  done
  as_admin "${PEER_IDS[0]}" peer lifecycle chaincode querycommitted --channelID "$CHANNEL_NAME"
}

# logs [--node NAME] [--lines N]: the last lines of one process's log, or of every log
# (a node in a container: `docker logs`).
cmd_logs() {
  local file name
  load_config "${OVERRIDES[@]}"
  [[ -d "$LOG_DIR" ]] || fatal "no logs in $LOG_DIR" "start the network with scripts/network.sh up"
  [[ "${LOG_LINES:=40}" =~ ^[0-9]+$ ]] || fatal "--lines must be a number, got '$LOG_LINES'"
  if [[ -n "${NODE_NAME:-}" && "$(head -n 1 "$PID_DIR/$NODE_NAME.pid" 2>/dev/null)" == container ]]; then
    docker logs --tail "$LOG_LINES" "$(docker_container "$NODE_NAME")" 2>&1
  elif [[ -n "${NODE_NAME:-}" ]]; then
    [[ -f "$LOG_DIR/$NODE_NAME.log" ]] || fatal "no log named $NODE_NAME" "logs: $(cd "$LOG_DIR" && ls)"
    tail -n "$LOG_LINES" "$LOG_DIR/$NODE_NAME.log"
    return 0
  fi
  [[ -z "${NODE_NAME:-}" ]] || return 0
  for file in "$LOG_DIR"/*.log; do
    [[ -e "$file" ]] || continue
    echo "==> ${file##*/} <=="
    tail -n "$LOG_LINES" "$file"
  done
  for name in $(recorded_names); do
    [[ "$(head -n 1 "$PID_DIR/$name.pid")" == container ]] || continue
    echo "==> $name (container) <=="
    docker logs --tail "$LOG_LINES" "$(docker_container "$name")" 2>&1 || true
  done
}
