#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Faults for resilience tests. `network.sh kill --node NAME` crashes one recorded process
# (SIGKILL, sent to its recorded PID only); `network.sh restart --node chaincode-NAME` starts
# a chaincode service again as its last deploy ran it (service.launch, see service.sh).

# cmd_kill: SIGKILL the recorded process NODE_NAME (an orderer, a peer or chaincode-NAME) and
# wait until it is gone. Its PID file stays, and the network counts as partial until
# `restart --node NAME` starts it again.
cmd_kill() {
  local pid deadline
  require_running
  [[ -n "${NODE_NAME:-}" && -f "$PID_DIR/$NODE_NAME.pid" ]] || fatal "kill needs --node, one of: $(recorded_names | xargs)"
  [[ "$(head -n 1 "$PID_DIR/$NODE_NAME.pid")" != container ]] || fatal "kill works on local processes only; $NODE_NAME is a container"
  pid="$(pid_of "$NODE_NAME")" || fatal "$NODE_NAME is not running"
  kill -KILL "$pid"
  deadline=$((SECONDS + 10))
  while pid_alive "$pid"; do
    (( SECONDS < deadline )) || fatal "process $pid ($NODE_NAME) survived KILL"
    sleep 0.05
  done
  log_success "$NODE_NAME (pid $pid) killed; start it again with: scripts/network.sh restart --node $NODE_NAME"
}

# cc_restart_service: stop chaincode-NAME if it still runs, then start it again from the
# launch record of its last deploy (same build, package id, address and TLS settings).
cc_restart_service() {
  local launch="$RUN_DIR/deploy/${NODE_NAME#chaincode-}/service.launch"
  [[ -f "$launch" ]] || fatal "$NODE_NAME has no launch record in $launch" \
    "deploy it (again) with scripts/network.sh deploy --name ${NODE_NAME#chaincode-} ..."
  # shellcheck source=/dev/null
  source "$launch"
  stop_recorded "$NODE_NAME"
  cc_launch
  log_success "$NODE_NAME restarted (pid $(pid_of "$NODE_NAME"))"
}
