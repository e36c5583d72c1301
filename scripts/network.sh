#!/usr/bin/env bash
# FabricFinance test network: real Fabric 2.5 orderer and peers as local processes on
# 127.0.0.1 (or, untested, in Fabric's containers: --backend docker). Defaults live in
# network/network.config; state in network/.run/, logs in network/.logs/.
# Run `scripts/network.sh help` for the commands and flags.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CALLER_PWD="$PWD"
(( BASH_VERSINFO[0] >= 4 )) || { echo "ERROR: bash 4 or newer is needed (found $BASH_VERSION)" >&2; exit 1; }
# shellcheck source-path=SCRIPTDIR
source "$REPO_ROOT/scripts/lib/log.sh"
source "$REPO_ROOT/scripts/lib/cli.sh"
source "$REPO_ROOT/scripts/lib/env.sh"
source "$REPO_ROOT/scripts/lib/tables.sh"
source "$REPO_ROOT/scripts/lib/nodeenv.sh"
source "$REPO_ROOT/scripts/lib/process.sh"
source "$REPO_ROOT/scripts/lib/bootstrap.sh"
source "$REPO_ROOT/scripts/lib/collections.sh"
source "$REPO_ROOT/scripts/lib/profile.sh"
source "$REPO_ROOT/scripts/lib/docker.sh"
source "$REPO_ROOT/scripts/lib/package.sh"
source "$REPO_ROOT/scripts/lib/lifecycle.sh"
source "$REPO_ROOT/scripts/lib/service.sh"
source "$REPO_ROOT/scripts/lib/cctls.sh"
source "$REPO_ROOT/scripts/lib/inspect.sh"
source "$REPO_ROOT/scripts/lib/faults.sh"

cmd_up() {
  if [[ -f "$RUN_DIR/docker/await-nodes" ]]; then resume_up; return; fi
  case "$(network_state)" in
    running) log_success "network already running (scripts/network.sh status)"; return 0 ;;
    partial) fatal "network is partially running" "run scripts/network.sh down, then up" ;;
  esac
  rm -rf "$RUN_DIR"
  find_fabric
  load_config "${OVERRIDES[@]}"
  [[ "$BACKEND" =~ ^(native|docker)$ ]] || fatal "--backend must be native or docker, got '$BACKEND'"
  [[ -z "$NO_START" || "$BACKEND" == docker ]] || fatal "--no-start needs --backend docker"
  check_ports_free
  mkdir -p "$RUN_DIR" "$LOG_DIR" && rm -f "$LOG_DIR"/*.log
  save_config
  trap abort_up EXIT
  log_info "generating identities and the channel block (Fabric binaries: $FABRIC_BIN_DIR)"
  generate_crypto
  write_runtime_config
  make_channel_block
  write_terms_collections
  [[ "$BACKEND" != docker ]] || docker_prepare
  if [[ -n "$NO_START" ]]; then
    touch "$RUN_DIR/docker/await-nodes"
    trap - EXIT
    log_success "ready: start the containers of $RUN_DIR/docker/nodes.json, then run scripts/network.sh up again"
    return 0
  fi
  log_info "starting ${#ORDERER_IDS[@]} orderer(s) and ${#PEER_IDS[@]} peer(s) ($BACKEND)"
  start_nodes
  join_channel
}

# resume_up: after `up --no-start` the caller started the containers; join them to the channel.
resume_up() {
  local id
  find_fabric
  load_config "${OVERRIDES[@]}"
  trap abort_up EXIT
  docker_adopt
  for id in "${NODE_IDS[@]}"; do wait_healthy "$id"; done
  join_channel
}

join_channel() {
  join_orderers
  join_peers
  write_network_json
  trap - EXIT
  log_success "network up: channel $CHANNEL_NAME, details in $RUN_DIR/network.json, logs in $LOG_DIR"
}

abort_up() {
  log_error "up failed; stopping what it started (logs kept in $LOG_DIR)"
  stop_recorded
  rm -rf "$RUN_DIR"
}

# require_running [--but-node]: every recorded process runs (--but-node: but --node's, to restart).
require_running() {
  find_fabric
  load_config "${OVERRIDES[@]}"
  [[ "$(network_state "${1:+${NODE_NAME:-}}")" == running ]] || fatal "the network is not running" "start it with scripts/network.sh up"
}

# restart --node ID: stop one orderer or peer (if running) and start it again on its existing
# ledger, or a chaincode service as deployed (for tests of reconnects and catch-up).
cmd_restart() {
  require_running --but-node
  if [[ "${NODE_NAME:-}" == chaincode-* ]]; then cc_restart_service; return; fi
  [[ -n "${NODE_NAME:-}" && -n "${NODE_ORG[${NODE_NAME}]:-}" ]] || fatal "restart needs --node, one of: ${NODE_IDS[*]}"
  if [[ "$BACKEND" == docker ]]; then
    docker restart --time "$READY_TIMEOUT" "$(docker_container "$NODE_NAME")" >/dev/null
  else
    stop_recorded "$NODE_NAME"
    start_node "$NODE_NAME"
  fi
  wait_healthy "$NODE_NAME"
  # An orderer that reports healthy orders nothing until the channel has a raft leader again.
  [[ "${ORG_KIND[${NODE_ORG[$NODE_NAME]}]}" != orderer ]] || wait_for "$NODE_NAME" "a raft leader on $CHANNEL_NAME" raft_has_leader
  log_success "$NODE_NAME restarted"
}

cmd_deploy() {
  require_running
  cc_prepare
  [[ -n "$NO_SERVICE" ]] || cc_build
  cc_package
  if [[ -n "$NO_SERVICE" ]]; then cc_stop_stale_service; else cc_stop_stale_service "$(cc_build_fingerprint)"; fi
  cc_install
  cc_define
  if [[ -z "$NO_SERVICE" ]]; then
    cc_start_service
    cc_warm_up
  fi
  echo "$CC_PACKAGE_ID"
}

cmd_down() {
  READY_TIMEOUT=60 CC_STOP_GRACE=5   # used only when the settings cannot be read
  if [[ -d "$RUN_DIR" ]]; then
    # Unreadable settings must not keep `down` from stopping the recorded processes.
    if (load_config "${OVERRIDES[@]}") 2>/dev/null; then load_config "${OVERRIDES[@]}"; fi
    [[ ! -d "$RUN_DIR/monitor/pids" ]] || PID_DIR="$RUN_DIR/monitor/pids" stop_recorded  # scripts/monitor.sh
    stop_recorded
  fi
  rm -rf "$RUN_DIR"
  [[ -n "$KEEP_LOGS" ]] || rm -rf "$LOG_DIR"
  log_success "network down"
}

main() {
  local command="${1:-help}"
  if (( $# )); then shift; fi
  parse_flags "$@"
  case "$command" in
    up | deploy | status | down | restart | kill | logs) "cmd_$command" ;;
    help | -h | --help) usage ;;
    *) usage >&2; fatal "unknown command: $command" ;;
  esac
}

main "$@"
