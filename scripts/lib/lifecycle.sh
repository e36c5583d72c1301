#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# `network.sh deploy`: chaincode-as-a-service through the Fabric 2.x chaincode lifecycle.
#   build (.NET) → package (CCaaS)                              package.sh
#   → install on every peer → approve per org → checkcommitreadiness
#   → commit → querycommitted                                   this file
#   → start the service → warm up                               service.sh
# Re-running with the same inputs changes nothing: the package id is reproducible, installed
# packages and approvals are detected, and an unchanged committed definition is kept.

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

