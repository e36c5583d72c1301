#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# The docker backend (`up --backend docker`), UNTESTED on our machines (no Docker engine there).
# The orderer and the peers run from Fabric's official images instead of as local processes,
# with the same configuration: the same crypto material, channel block, run-time core.yaml and
# orderer.yaml, and the same CORE_*/ORDERER_* environment (nodeenv.sh) written per node to
# $RUN_DIR/docker/<node>.env. Containers use the host's network, so every listener is still
# 127.0.0.1 and every port is the one in NODES; $RUN_DIR and network/builders are mounted at
# the same paths, so every path in the environment holds inside the containers too.
# Everything else (cryptogen, configtxgen, osnadmin, the peer CLI, chaincode services) runs on
# the host as with the native backend.
# Who starts the containers: `docker compose` with network/docker/compose.yaml, or, with
# `up --no-start`, the caller (the Testcontainers fixture of the integration tests), who reads
# $RUN_DIR/docker/nodes.json and then runs `up` again to join the channel.

COMPOSE_FILE="$NETWORK_DIR/docker/compose.yaml"
docker_dir() { echo "$RUN_DIR/docker"; }
docker_project() { if (( PORT_OFFSET )); then echo "fabfin-$PORT_OFFSET"; else echo fabfin; fi; }
docker_container() { echo "$(docker_project)-$1"; }
docker_compose() {
  docker compose --project-name "$(docker_project)" --env-file "$(docker_dir)/compose.env" -f "$COMPOSE_FILE" "$@"
}

# docker_prepare: each node's env file, nodes.json (for a caller starting the containers) and
# compose.env (the values compose.yaml interpolates).
docker_prepare() {
  local id make_env image nodes="[]" dir user
  dir="$(docker_dir)" user="$(id -u):$(id -g)"
  mkdir -p "$dir"
  for id in "${NODE_IDS[@]}"; do
    if [[ "${ORG_KIND[${NODE_ORG[$id]}]}" == orderer ]]; then
      make_env=orderer_env image="$DOCKER_ORDERER_IMAGE"
    else
      make_env=peer_env image="$DOCKER_PEER_IMAGE"
    fi
    { "$make_env" "$id" | grep -Ev '^(PATH|HOME|TMPDIR)='; echo "HOME=/tmp"; } > "$dir/$id.env"
    nodes="$(jq --arg n "$id" --arg c "$(docker_container "$id")" --arg i "$image" --arg e "$dir/$id.env" \
      '. + [{name: $n, container: $c, image: $i, envFile: $e}]' <<<"$nodes")"
  done
  jq -n --argjson nodes "$nodes" --arg run "$RUN_DIR" --arg builders "$NETWORK_DIR/builders" --arg user "$user" \
    '{user: $user, mounts: [{source: $run, target: $run, readOnly: false},
      {source: $builders, target: $builders, readOnly: true}], nodes: $nodes}' > "$dir/nodes.json"
  printf '%s\n' "FABFIN_RUN_DIR=$RUN_DIR" "FABFIN_BUILDERS_DIR=$NETWORK_DIR/builders" "FABFIN_USER=$user" \
    "FABFIN_PROJECT=$(docker_project)" "FABFIN_ORDERER_IMAGE=$DOCKER_ORDERER_IMAGE" \
    "FABFIN_PEER_IMAGE=$DOCKER_PEER_IMAGE" > "$dir/compose.env"
}

# record_container ID STARTER: note that node ID runs in its container, started by compose or
# by the caller (only compose-started containers are stopped by `down`).
record_container() {
  mkdir -p "$PID_DIR"
  printf '%s\n%s\n%s\n' container "$(docker_container "$1")" "$2" > "$PID_DIR/$1.pid"
}

# docker_start: start every node through compose.yaml, which must have a service per node.
docker_start() {
  command -v docker >/dev/null 2>&1 || fatal "docker not found (needed for --backend docker)" "use --backend native"
  docker compose version >/dev/null 2>&1 || fatal "'docker compose' (Compose v2) not found" "install the Compose plugin"
  local id services
  services="$(docker_compose config --services)" || fatal "docker compose could not read $COMPOSE_FILE"
  for id in "${NODE_IDS[@]}"; do
    grep -qxF "$id" <<<"$services" || fatal "$COMPOSE_FILE has no service $id (listed in NODES)" \
      "add one, copying a service of the same kind and its container_name"
  done
  quietly "docker compose up" docker_compose up --detach --no-build "${NODE_IDS[@]}"
  for id in "${NODE_IDS[@]}"; do record_container "$id" compose; done
}

# docker_adopt: the caller started the containers of nodes.json (up --no-start); record them.
docker_adopt() {
  local id
  for id in "${NODE_IDS[@]}"; do record_container "$id" caller; done
  rm -f "$(docker_dir)/await-nodes"
}

# container_pid NAME: the host PID of the running container NAME (fails when it is not running).
container_pid() {
  local pid
  pid="$(docker inspect --format '{{if .State.Running}}{{.State.Pid}}{{end}}' "$1" 2>/dev/null)" || return 1
  [[ -n "$pid" ]] && echo "$pid"
}

# stop_container RECORD_FILE: stop and remove a compose-started container; leave the caller's.
stop_container() {
  local kind="" container starter
  [[ -f "$1" ]] && { read -r kind; read -r container; read -r starter; } < "$1"
  [[ "$kind" == container ]] || return 1
  if [[ "$starter" != compose ]]; then
    container_pid "$container" >/dev/null && log_warn "$container was started by the caller and still runs; stop it there"
    return 0
  fi
  log_detail "stopping container $container"
  docker stop --time "$READY_TIMEOUT" "$container" >/dev/null 2>&1 || true
  docker rm --force "$container" >/dev/null 2>&1 || true
}
