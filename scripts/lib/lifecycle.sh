#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# `network.sh deploy`: chaincode-as-a-service through the Fabric 2.x chaincode lifecycle.
#   build (.NET) → package (CCaaS) → install on every peer → approve per org
#   → checkcommitreadiness → commit → querycommitted → start the service → warm up.
# Re-running with the same inputs changes nothing: the package id is reproducible, installed
# packages and approvals are detected, and an unchanged committed definition is kept.

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

cc_prepare() {
  [[ "$CC_NAME" =~ ^[A-Za-z0-9]+([-_][A-Za-z0-9]+)*$ ]] || fatal "chaincode name '$CC_NAME' is invalid"
  [[ "$CC_VERSION" =~ ^[A-Za-z0-9_.+-]+$ ]] || fatal "chaincode version '$CC_VERSION' is invalid"
  [[ "$CC_ADDRESS" =~ ^127\.0\.0\.1:([0-9]+)$ ]] || fatal "--address must be 127.0.0.1:<port>, got '$CC_ADDRESS'"
  CC_PORT="${BASH_REMATCH[1]}"
  CC_LABEL="${CC_NAME}_${CC_VERSION}"
  CC_DEPLOY_DIR="$RUN_DIR/deploy/$CC_NAME"
  CC_BUILD_DIR="$RUN_DIR/chaincode/$CC_NAME"
  CC_SERVICE="chaincode-$CC_NAME"
  CC_EXTRA_ARGS=()
  if [[ -n "$CC_COLLECTIONS_CONFIG" ]]; then
    CC_COLLECTIONS_CONFIG="$(resolve_path "$CC_COLLECTIONS_CONFIG")"
    [[ -f "$CC_COLLECTIONS_CONFIG" ]] || fatal "collections config $CC_COLLECTIONS_CONFIG not found"
    CC_EXTRA_ARGS+=(--collections-config "$CC_COLLECTIONS_CONFIG")
  fi
  [[ -z "$CC_SIGNATURE_POLICY" ]] || CC_EXTRA_ARGS+=(--signature-policy "$CC_SIGNATURE_POLICY")
  mkdir -p "$CC_DEPLOY_DIR"
}

# cc_build: dotnet build the service project into network/.run/chaincode/<name>; sets CC_DLL.
cc_build() {
  command -v dotnet >/dev/null 2>&1 || fatal "dotnet not found on PATH (needed to build $CC_PROJECT)" \
    "use --no-service to deploy the definition only and host the chaincode yourself"
  local project csproj assembly log="$LOG_DIR/build-$CC_NAME.log"
  project="$(resolve_path "$CC_PROJECT")"
  if [[ -d "$project" ]]; then
    csproj="$(find "$project" -maxdepth 1 -name '*.csproj' | head -n 1)"
  else
    csproj="$project"
  fi
  [[ -n "$csproj" && -f "$csproj" ]] || fatal "no .csproj found at $project (--project)"
  assembly="$(sed -n 's:.*<AssemblyName>\(.*\)</AssemblyName>.*:\1:p' "$csproj" | head -n 1)"
  [[ -n "$assembly" ]] || assembly="$(basename "$csproj" .csproj)"
  log_info "building $csproj"
  if ! dotnet build "$csproj" -c Release -o "$CC_BUILD_DIR" --nologo >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    fatal "dotnet build failed (full output: $log)"
  fi
  CC_DLL="$CC_BUILD_DIR/$assembly.dll"
  [[ -f "$CC_DLL" ]] || fatal "the build did not produce $CC_DLL"
}

# tar_reproducible ARCHIVE DIR NAME...: gzip'ed tar of DIR/NAME... with fixed owner, mode,
# mtime and order, and no name or time in the gzip header, so the bytes depend on content only.
tar_reproducible() {
  local archive="$1" dir="$2" tar=tar
  shift 2
  tar --version 2>/dev/null | grep -q 'GNU tar' || tar=gtar
  "$tar" --version 2>/dev/null | grep -q 'GNU tar' || fatal "GNU tar is needed to package chaincode (install gtar)"
  "$tar" --format=gnu --owner=0 --group=0 --numeric-owner --mode='u=rw,go=r' --mtime='@0' \
    -C "$dir" -cf - -- "$@" | gzip -n -9 > "$archive"
}

# cc_package: the CCaaS package (metadata.json + code.tar.gz holding connection.json) and
# its id, label:sha256 of the package file; sets CC_PACKAGE and CC_PACKAGE_ID.
cc_package() {
  local src="$CC_DEPLOY_DIR/src"
  rm -rf "$src" && mkdir -p "$src/code"
  cc_tls_material
  cc_connection_json "$src/code/connection.json"
  jq -n --arg l "$CC_LABEL" '{"type": "ccaas", "label": $l}' > "$src/metadata.json"
  tar_reproducible "$src/code.tar.gz" "$src/code" connection.json
  CC_PACKAGE="$CC_DEPLOY_DIR/$CC_LABEL.tgz"
  tar_reproducible "$CC_PACKAGE" "$src" metadata.json code.tar.gz
  CC_PACKAGE_ID="$(as_admin "${PEER_IDS[0]}" peer lifecycle chaincode calculatepackageid "$CC_PACKAGE")"
  log_info "package $CC_PACKAGE_ID"
}

cc_install() {
  local id
  for id in "${PEER_IDS[@]}"; do
    if as_admin "$id" peer lifecycle chaincode queryinstalled --output json |
       jq -e --arg p "$CC_PACKAGE_ID" '.installed_chaincodes // [] | any(.package_id == $p)' >/dev/null; then
      log_detail "$id: already installed"
    else
      quietly "install on $id" as_admin "$id" peer lifecycle chaincode install "$CC_PACKAGE"
      log_detail "$id: installed"
    fi
  done
}

# cc_committed_sequence: sequence of the committed definition of CC_NAME, 0 if none.
cc_committed_sequence() {
  as_admin "${PEER_IDS[0]}" peer lifecycle chaincode querycommitted --channelID "$CHANNEL_NAME" --output json |
    jq -r --arg n "$CC_NAME" '[.chaincode_definitions // [] | .[] | select(.name == $n) | .sequence] | first // 0'
}

# cc_fingerprint: what makes a definition different (the package id stands for the code).
cc_fingerprint() {
  { printf '%s\n' "$CC_PACKAGE_ID" "$CC_VERSION" "$CC_SIGNATURE_POLICY"
    [[ -z "$CC_COLLECTIONS_CONFIG" ]] || cat "$CC_COLLECTIONS_CONFIG"; } | sha256sum | cut -d' ' -f1
}

# cc_define: approve for every voting org (VOTING_ORGS) and commit, unless this exact definition is the
# committed one already (recorded in definition.env by the deploy that committed it).
cc_define() {
  local committed fingerprint sequence key id approvals commit_peers=()
  committed="$(cc_committed_sequence)"
  fingerprint="$(cc_fingerprint)"
  if [[ -f "$CC_DEPLOY_DIR/definition.env" ]] &&
     [[ "$(cat "$CC_DEPLOY_DIR/definition.env")" == "$committed $fingerprint" ]]; then
    log_info "definition of $CC_NAME already committed at sequence $committed; lifecycle unchanged"
    return 0
  fi
  sequence=$((committed + 1))
  local definition=(--channelID "$CHANNEL_NAME" --name "$CC_NAME" --version "$CC_VERSION" --sequence "$sequence" "${CC_EXTRA_ARGS[@]}")
  local orderer=()
  mapfile -t orderer < <(orderer_args)
  for key in $VOTING_ORGS; do
    [[ -n "${ORG_MSP[$key]:-}" ]] || fatal "VOTING_ORGS names '$key', which is not in ORGS"
    id="$(first_peer "$key")"
    approvals="$(as_admin "$id" peer lifecycle chaincode checkcommitreadiness "${definition[@]}" --output json)"
    if jq -e --arg m "${ORG_MSP[$key]}" '.approvals[$m] == true' >/dev/null <<<"$approvals"; then
      log_detail "${ORG_MSP[$key]}: already approved sequence $sequence"
    else
      quietly "approve for ${ORG_MSP[$key]}" as_admin "$id" peer lifecycle chaincode approveformyorg \
        "${definition[@]}" --package-id "$CC_PACKAGE_ID" "${orderer[@]}"
      log_detail "${ORG_MSP[$key]}: approved sequence $sequence"
    fi
    commit_peers+=(--peerAddresses "$(node_addr "$id")" --tlsRootCertFiles "$(node_dir "$id")/tls/ca.crt")
  done
  approvals="$(as_admin "${PEER_IDS[0]}" peer lifecycle chaincode checkcommitreadiness "${definition[@]}" --output json)"
  local voting_msps=()
  for key in $VOTING_ORGS; do voting_msps+=("${ORG_MSP[$key]}"); done
  jq -e '[.approvals[$ARGS.positional[]]] | all' --args "${voting_msps[@]}" >/dev/null <<<"$approvals" || fatal "not ready to commit: $(jq -c .approvals <<<"$approvals")"
  quietly "commit of $CC_NAME sequence $sequence" as_admin "${PEER_IDS[0]}" peer lifecycle chaincode commit \
    "${definition[@]}" "${orderer[@]}" "${commit_peers[@]}"
  echo "$sequence $fingerprint" > "$CC_DEPLOY_DIR/definition.env"
  log_info "committed $CC_NAME sequence $sequence:"
  as_admin "${PEER_IDS[0]}" peer lifecycle chaincode querycommitted --channelID "$CHANNEL_NAME" --name "$CC_NAME" >&2
}

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
# it is running already (kept by cc_stop_stale_service).
cc_start_service() {
  if pid_of "$CC_SERVICE" >/dev/null; then
    log_info "chaincode service already running for $CC_PACKAGE_ID (same build)"
    return 0
  fi
  port_open 127.0.0.1 "$CC_PORT" && fatal "$CC_ADDRESS is already in use (another chaincode service or program)" "give this chaincode its own --address"
  # shellcheck disable=SC2034  # read by start_process
  PROC_ENV=("CHAINCODE_SERVER_ADDRESS=$CC_ADDRESS" "CHAINCODE_ID=$CC_PACKAGE_ID" "CORE_CHAINCODE_ID_NAME=$CC_PACKAGE_ID")
  mapfile -t -O "${#PROC_ENV[@]}" PROC_ENV < <(cc_tls_env)
  (cd "$CC_BUILD_DIR" && start_process "$CC_SERVICE" "$LOG_DIR/$CC_SERVICE.log" "$(command -v dotnet)" "$CC_DLL")
  echo "$CC_SERVICE_STATE" > "$CC_DEPLOY_DIR/service.env"
  wait_for "$CC_SERVICE" "the chaincode service to listen on $CC_ADDRESS" port_open 127.0.0.1 "$CC_PORT"
  log_info "chaincode service $CC_SERVICE listening on $CC_ADDRESS, TLS: $CC_TLS (log: $LOG_DIR/$CC_SERVICE.log)"
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
