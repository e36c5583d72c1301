#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# `network.sh deploy`, last steps: run the chaincode service with the package id it registers
# with (kept running when nothing changed), and have each peer that runs it call it once.

# cc_build_fingerprint: hash of the build output, so changed code restarts the service even
# though the package id (which covers only connection.json and the label) stays the same.
cc_build_fingerprint() {
  (cd "$CC_BUILD_DIR" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

# cc_stop_stale_service: before the lifecycle runs, stop a running service that has another
# package id or build. Left running, an old service on the same address would answer the
# peer's launch of the new package with the old id: the peer then rejects it and blocks for
# chaincode.startuptimeout (FABRIC-NOTES.md).
cc_stop_stale_service() {
  CC_SERVICE_STATE="$CC_PACKAGE_ID ${1:-}"
  pid_of "$CC_SERVICE" >/dev/null || return 0
  if [[ "$(cat "$CC_DEPLOY_DIR/service.env" 2>/dev/null)" != "$CC_SERVICE_STATE" ]]; then
    log_info "stopping the running $CC_SERVICE (other package id or build)"
    stop_recorded "$CC_SERVICE"
  fi
}

# cc_start_service: run the built service with the package id it must register with, unless
# it is running already (kept by cc_stop_stale_service). How it runs is recorded in
# service.launch, from which `network.sh restart --node chaincode-NAME` starts it again.
cc_start_service() {
  # shellcheck disable=SC2034  # read by start_process
  PROC_ENV=("CHAINCODE_SERVER_ADDRESS=$CC_ADDRESS" "CHAINCODE_ID=$CC_PACKAGE_ID" "CORE_CHAINCODE_ID_NAME=$CC_PACKAGE_ID")
  mapfile -t -O "${#PROC_ENV[@]}" PROC_ENV < <(cc_tls_env)
  declare -p PROC_ENV CC_SERVICE CC_BUILD_DIR CC_DLL CC_ADDRESS CC_PORT |
    sed -e 's/^declare -- /declare -g /' -e 's/^declare -a /declare -ga /' > "$CC_DEPLOY_DIR/service.launch"
  if pid_of "$CC_SERVICE" >/dev/null; then
    log_info "chaincode service already running for $CC_PACKAGE_ID (same build)"
    return 0
  fi
  port_open 127.0.0.1 "$CC_PORT" && fatal "$CC_ADDRESS is already in use (another chaincode service or program)" "give this chaincode its own --address"
  echo "$CC_SERVICE_STATE" > "$CC_DEPLOY_DIR/service.env"
  cc_launch
  log_info "chaincode service $CC_SERVICE listening on $CC_ADDRESS, TLS: $CC_TLS (log: $LOG_DIR/$CC_SERVICE.log)"
}

# cc_launch: start CC_DLL from CC_BUILD_DIR under PROC_ENV as CC_SERVICE; wait until it listens.
cc_launch() {
  (cd "$CC_BUILD_DIR" && start_process "$CC_SERVICE" "$LOG_DIR/$CC_SERVICE.log" "$(command -v dotnet)" "$CC_DLL")
  wait_for "$CC_SERVICE" "the chaincode service to listen on $CC_ADDRESS" port_open 127.0.0.1 "$CC_PORT"
}

# cc_warm_up: one query per peer of a voting org, so every peer has dialled the service and seen it register
# with the right id before tests start. Any answer from the chaincode counts, even an error
# for the (possibly unimplemented) metadata function; only a failed launch is reported, as a
# warning, since the peer retries on the next invocation.
cc_warm_up() {
  local id out
  for id in "${PEER_IDS[@]}"; do
    if [[ " $VOTING_ORGS " != *" ${NODE_ORG[$id]} "* ]]; then
      log_detail "$id: skipped (its org does not approve chaincode, so the peer never runs it)"
      continue
    fi
    if out="$(as_admin "$id" peer chaincode query --channelID "$CHANNEL_NAME" --name "$CC_NAME" \
        --ctor '{"Args":["org.hyperledger.fabric:GetMetadata"]}' 2>&1)"; then
      log_detail "$id: chaincode answered"
    elif [[ "$out" == *"could not launch chaincode"* || "$out" == *"error in simulation"* ]]; then
      log_warn "$id: the peer could not reach the chaincode: ${out//$'\n'/ }"
    else
      log_detail "$id: chaincode answered (with an error: ${out##*message:})"
    fi
  done
}
