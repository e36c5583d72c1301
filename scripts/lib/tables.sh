#!/usr/bin/env bash
# shellcheck disable=SC2034  # globals defined here are used by the callers
# The ORGS and NODES tables of network/network.config as lookup arrays, paths into the
# cryptogen output, and the ${...} placeholders of network/configtx/configtx.yaml.

# parse_tables: ORGS/NODES rows into lookup arrays, checked for typos and port clashes.
#   ORG_KEYS, ORG_MSP[key], ORG_DOMAIN[key], ORG_KIND[key]
#   NODE_IDS (e.g. peer0.exchange.example.com), PEER_IDS, ORDERER_IDS,
#   NODE_ORG[id], NODE_HOST[id], NODE_PORT[id], NODE_PORT2[id], NODE_OPS[id]
parse_tables() {
  ORG_KEYS=() NODE_IDS=() PEER_IDS=() ORDERER_IDS=()
  declare -gA ORG_MSP=() ORG_DOMAIN=() ORG_KIND=() NODE_ORG=() NODE_HOST=() NODE_PORT=() NODE_PORT2=() NODE_OPS=()
  local row key msp domain kind extra host port port2 ops id
  [[ "${PORT_OFFSET:=0}" =~ ^[0-9]+$ ]] || fatal "--port-offset must be a non-negative integer, got '$PORT_OFFSET'"
  for row in "${ORGS[@]}"; do
    read -r key msp domain kind extra <<<"$row"
    [[ -n "$kind" && -z "$extra" && "$kind" =~ ^(orderer|peer)$ ]] || fatal "bad ORGS row: '$row'"
    ORG_KEYS+=("$key") ORG_MSP[$key]="$msp" ORG_DOMAIN[$key]="$domain" ORG_KIND[$key]="$kind"
  done
  local -A seen_ports=()
  for row in "${NODES[@]}"; do
    read -r key host port port2 ops extra <<<"$row"
    [[ -n "$ops" && -z "$extra" && -n "${ORG_KIND[$key]:-}" ]] || fatal "bad NODES row: '$row'"
    for port in "$port" "$port2" "$ops"; do
      [[ "$port" =~ ^[0-9]+$ && -z "${seen_ports[$port]:-}" ]] || fatal "NODES row '$row': port $port is invalid or used twice"
      seen_ports[$port]=1
    done
    read -r key host port port2 ops <<<"$row"
    port=$((port + PORT_OFFSET)) port2=$((port2 + PORT_OFFSET)) ops=$((ops + PORT_OFFSET))
    id="$host.${ORG_DOMAIN[$key]}"
    NODE_IDS+=("$id") NODE_ORG[$id]="$key" NODE_HOST[$id]="$host"
    NODE_PORT[$id]="$port" NODE_PORT2[$id]="$port2" NODE_OPS[$id]="$ops"
    if [[ "${ORG_KIND[$key]}" == orderer ]]; then ORDERER_IDS+=("$id"); else PEER_IDS+=("$id"); fi
  done
  for key in "${ORG_KEYS[@]}"; do
    [[ " ${NODE_ORG[*]} " == *" $key "* ]] || fatal "org '$key' has no row in NODES"
  done
  (( ${#ORDERER_IDS[@]} > 0 && ${#PEER_IDS[@]} > 0 )) || fatal "the tables need at least one orderer and one peer"
  [[ "$LISTEN_HOST" == 127.0.0.1 ]] || fatal "LISTEN_HOST must stay 127.0.0.1 (this network never listens elsewhere)"
}

# Paths into the cryptogen output.
org_dir()     { echo "$CRYPTO_DIR/${ORG_KIND[$1]}Organizations/${ORG_DOMAIN[$1]}"; }
org_tls_ca()  { echo "$(org_dir "$1")/tlsca/tlsca.${ORG_DOMAIN[$1]}-cert.pem"; }
org_user()    { echo "$(org_dir "$1")/users/$2@${ORG_DOMAIN[$1]}"; }   # org_user KEY Admin|User1...
node_dir()    { echo "$(org_dir "${NODE_ORG[$1]}")/${ORG_KIND[${NODE_ORG[$1]}]}s/$1"; }
node_addr()   { echo "$LISTEN_HOST:${NODE_PORT[$1]}"; }
node_data()   { echo "$RUN_DIR/data/$1"; }
# first_peer KEY: the peer an org's admin talks to.
first_peer() {
  local id
  for id in "${PEER_IDS[@]}"; do [[ "${NODE_ORG[$id]}" == "$1" ]] && { echo "$id"; return 0; }; done
  return 1
}
peer_org_keys() {
  local key
  for key in "${ORG_KEYS[@]}"; do [[ "${ORG_KIND[$key]}" == peer ]] && echo "$key"; done
  return 0
}

# Values for the ${...} placeholders of network/configtx/configtx.yaml.
template_vars() {
  local id
  printf '%s\n' "CRYPTO_DIR=$CRYPTO_DIR" "LISTEN_HOST=$LISTEN_HOST" \
    "BATCH_TIMEOUT=$BATCH_TIMEOUT" "BATCH_MAX_MESSAGES=$BATCH_MAX_MESSAGES"
  for id in "${NODE_IDS[@]}"; do
    printf 'PORT_%s_%s=%s\n' "${NODE_ORG[$id]^^}" "${NODE_HOST[$id]^^}" "${NODE_PORT[$id]}"
  done
}

# render_template SRC DST: fill ${NAME} placeholders; any unknown placeholder is an error.
render_template() {
  local text line
  text="$(<"$1")"
  while IFS= read -r line; do
    text="${text//"\${${line%%=*}}"/${line#*=}}"
  done < <(template_vars)
  if [[ "$text" =~ \$\{[A-Za-z0-9_]+\} ]]; then
    fatal "$1: no value for placeholder ${BASH_REMATCH[0]}" "add the node to NODES in network/network.config or fix the name"
  fi
  printf '%s\n' "$text" > "$2"
}

