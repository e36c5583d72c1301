#!/usr/bin/env bash
# The deal-terms private data collections of the network (shared/design/BILLS.md, "Deals"): one
# collection for every pair of trading orgs X, Y (TRADING_ORGS in network/network.config), named
# terms_X_Y after their MSP ids in code-point order (terms_X when X = Y), whose members are X, Y
# and the TERMS_READERS orgs (the Exchange, settlement agent, and the Regulator). Every other
# org's peers hold only the hashes. Written at `up` to $RUN_DIR/terms-collections.json and added
# to a chaincode definition by `deploy --terms-collections`.

terms_collections_file() { echo "$RUN_DIR/terms-collections.json"; }

# check_peer_orgs SETTING KEY...: each key names a peer org of the ORGS table.
check_peer_orgs() {
  local setting="$1" key
  shift
  for key in "$@"; do
    [[ "${ORG_KIND[$key]:-}" == peer ]] || fatal "$setting names '$key', which is not a peer org of ORGS" \
      "use the ORGS keys: $(peer_org_keys | xargs)"
  done
}

# terms_collection X Y: the collection definition (JSON) for deals between orgs X and Y.
terms_collection() {
  local key id members msps=() trading=() peers=0
  # shellcheck disable=SC2206  # TERMS_READERS is a list of keys
  members=("$1" "$2" $TERMS_READERS)
  for key in "${members[@]}"; do msps+=("${ORG_MSP[$key]}"); done
  mapfile -t msps < <(printf '%s\n' "${msps[@]}" | LC_ALL=C sort -u)
  mapfile -t trading < <(printf '%s\n' "${ORG_MSP[$1]}" "${ORG_MSP[$2]}" | LC_ALL=C sort -u)
  for id in "${PEER_IDS[@]}"; do [[ " ${members[*]} " == *" ${NODE_ORG[$id]} "* ]] && peers=$((peers + 1)); done
  local name policy
  name="terms_$(IFS=_; echo "${trading[*]}")"
  [[ "$name" =~ ^[A-Za-z0-9-]+([A-Za-z0-9_-]+)*$ ]] || fatal "collection name '$name' is not valid for Fabric" \
    "MSP ids of TRADING_ORGS may hold letters, digits, '-' and '_' only"
  policy="OR($(printf "'%s.member', " "${msps[@]}" | sed 's/, $//'))"
  # maxPeerCount: the endorser hands the data to every other member peer at once, so none has
  # to pull it at commit; requiredPeerCount 0: an endorsement never waits for that.
  jq -n --arg name "$name" --arg policy "$policy" --argjson max "$((peers > 0 ? peers - 1 : 0))" \
    '{name: $name, policy: $policy, requiredPeerCount: 0, maxPeerCount: $max, blockToLive: 0,
      memberOnlyRead: true, memberOnlyWrite: true}'
}

# write_terms_collections: the collections config for every pair of TRADING_ORGS (an empty
# list when TRADING_ORGS is empty).
write_terms_collections() {
  local keys=() i j
  read -r -a keys <<<"$TRADING_ORGS"
  # shellcheck disable=SC2086  # TERMS_READERS is a list of keys
  check_peer_orgs TRADING_ORGS "${keys[@]}" && check_peer_orgs TERMS_READERS $TERMS_READERS
  for ((i = 0; i < ${#keys[@]}; i++)); do
    for ((j = i; j < ${#keys[@]}; j++)); do
      terms_collection "${keys[i]}" "${keys[j]}"
    done
  done | jq -s 'sort_by(.name)' > "$(terms_collections_file)"
}

# merge_collections FILE OUT: FILE's collections (may be empty) plus the terms collections, in
# OUT; a name defined twice stops the deploy.
merge_collections() {
  local file="$1" out="$2" terms
  terms="$(terms_collections_file)"
  [[ -f "$terms" ]] || write_terms_collections
  jq -s 'add' ${file:+"$file"} "$terms" > "$out" || fatal "could not merge $file with $terms"
  local twice
  twice="$(jq -r '[.[].name] | group_by(.) | map(select(length > 1) | .[0]) | join(", ")' "$out")"
  [[ -z "$twice" ]] || fatal "collections defined twice: $twice" "--terms-collections adds terms_*; remove them from $file"
  (( $(jq length "$out") > 0 )) || fatal "--terms-collections: TRADING_ORGS is empty, so there are no terms collections"
}
