#!/usr/bin/env bash
# network.json, written at the end of `up`: where a client or a test finds the channel, the
# orderer, every peer, every org's users, the demo parties and the terms collections config.

# parties_json: the PARTIES table as {name: {mspId, user}}; the user's paths are in orgs[].users.
parties_json() {
  local row name key user extra json="{}"
  for row in "${PARTIES[@]}"; do
    read -r name key user extra <<<"$row"
    if [[ -z "$user" || -n "$extra" || -z "${ORG_MSP[$key]:-}" ]] || [[ ! -d "$(org_user "$key" "$user")" ]]; then
      fatal "bad PARTIES row '$row' (the org key must be in ORGS and the user in crypto-config.yaml)"
    fi
    json="$(jq --arg n "$name" --arg m "${ORG_MSP[$key]}" --arg u "$user" '. + {($n): {mspId: $m, user: $u}}' <<<"$json")"
  done
  echo "$json"
}

# write_network_json: where a client finds everything; see the README section on fixtures.
write_network_json() {
  local key id user keyfile peers="[]" orgs="[]" users
  for id in "${PEER_IDS[@]}"; do
    peers="$(jq --arg id "$id" --arg org "${ORG_MSP[${NODE_ORG[$id]}]}" --arg address "$(node_addr "$id")" \
      --arg tlsCa "$(node_dir "$id")/tls/ca.crt" --arg ops "$(ops_url "$id" "")" \
      '. + [{name: $id, mspId: $org, address: $address, tlsCaCert: $tlsCa, operations: $ops}]' <<<"$peers")"
  done
  for key in "${ORG_KEYS[@]}"; do
    users="{}"
    for user in "$(org_dir "$key")"/users/*@*/msp; do
      keyfile="$(find "$user/keystore" -type f | head -n 1)"
      users="$(jq --arg dir "$user" --arg key "$keyfile" --arg cert "$(find "$user/signcerts" -type f | head -n 1)" \
        --arg name "$(basename "$(dirname "$user")" | cut -d@ -f1)" \
        '. + {($name): {cert: $cert, key: $key, mspDir: $dir}}' <<<"$users")"
    done
    orgs="$(jq --arg key "$key" --arg msp "${ORG_MSP[$key]}" --arg domain "${ORG_DOMAIN[$key]}" \
      --arg kind "${ORG_KIND[$key]}" --arg tlsCa "$(org_tls_ca "$key")" --argjson users "$users" \
      '. + [{key: $key, mspId: $msp, domain: $domain, kind: $kind, tlsCaCert: $tlsCa, users: $users}]' <<<"$orgs")"
  done
  id="${ORDERER_IDS[0]}"
  jq -n --arg channel "$CHANNEL_NAME" --argjson orgs "$orgs" --argjson peers "$peers" --argjson parties "$(parties_json)" \
    --arg orderer "$(node_addr "$id")" --arg ordererCa "$(org_tls_ca "${NODE_ORG[$id]}")" \
    --arg backend "$BACKEND" --arg terms "$(terms_collections_file)" \
    '{channel: $channel, backend: $backend, orderer: {address: $orderer, tlsCaCert: $ordererCa}, peers: $peers,
      orgs: $orgs, parties: $parties, termsCollections: $terms}' > "$RUN_DIR/network.json"
}
