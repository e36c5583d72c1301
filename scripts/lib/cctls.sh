#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# TLS between the peers and a chaincode service (CC_TLS: none | tls | mutual).
# Each deployed chaincode gets its own small CA, a server certificate for 127.0.0.1 that its
# service presents, and (mutual) a client certificate that the peers present. The peers learn
# the CA and their client key from connection.json (PEM text, as Fabric's CCaaS support reads
# it); the service learns its key and the CA through CHAINCODE_TLS_* variables.

# cc_tls_issue NAME SUBJECT EXTENSIONS: a P-256 key and a certificate signed by the CA.
cc_tls_issue() {
  local name="$1" subject="$2" extensions="$3" dir="$CC_TLS_DIR"
  openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -subj "$subject" \
    -keyout "$dir/$name.key" -out "$dir/$name.csr" 2>/dev/null
  openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial \
    -days 365 -sha256 -extfile <(printf '%s\n' "$extensions") -out "$dir/$name.crt" 2>/dev/null
  rm -f "$dir/$name.csr"
}

# cc_tls_material: create the CA and certificates once per deployed chaincode, so re-deploys
# keep the same connection.json and therefore the same package id.
cc_tls_material() {
  CC_TLS_DIR="$CC_DEPLOY_DIR/tls"
  [[ "$CC_TLS" == none || -f "$CC_TLS_DIR/client.crt" ]] && return 0
  command -v openssl >/dev/null 2>&1 || fatal "openssl not found (needed for chaincode TLS)" "install openssl, or deploy with --cc-tls none"
  mkdir -p "$CC_TLS_DIR"
  openssl req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -days 365 -sha256 \
    -subj "/CN=$CC_NAME chaincode CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$CC_TLS_DIR/ca.key" -out "$CC_TLS_DIR/ca.crt" 2>/dev/null
  cc_tls_issue server "/CN=chaincode-$CC_NAME" \
    $'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature'
  cc_tls_issue client "/CN=peer-client-$CC_NAME" \
    $'extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature'
  chmod 600 "$CC_TLS_DIR"/*.key
}

# cc_connection_json FILE: the connection.json the peers use to dial the service.
cc_connection_json() {
  local file="$1" base
  base="$(jq -n --arg address "$CC_ADDRESS" --arg timeout "$CC_DIAL_TIMEOUT" \
    '{address: $address, dial_timeout: $timeout, tls_required: false}')"
  case "$CC_TLS" in
    none) echo "$base" > "$file" ;;
    tls) jq --rawfile ca "$CC_TLS_DIR/ca.crt" '.tls_required = true | .root_cert = $ca' <<<"$base" > "$file" ;;
    mutual) jq --rawfile ca "$CC_TLS_DIR/ca.crt" --rawfile key "$CC_TLS_DIR/client.key" \
              --rawfile cert "$CC_TLS_DIR/client.crt" \
              '.tls_required = true | .client_auth_required = true | .root_cert = $ca
               | .client_key = $key | .client_cert = $cert' <<<"$base" > "$file" ;;
    *) fatal "--cc-tls must be none, tls or mutual, got '$CC_TLS'" ;;
  esac
}

# cc_tls_env: the service's CHAINCODE_TLS_* settings, one NAME=VALUE per line.
cc_tls_env() {
  [[ "$CC_TLS" == none ]] && return 0
  printf '%s\n' "CHAINCODE_TLS_CERT_FILE=$CC_TLS_DIR/server.crt" "CHAINCODE_TLS_KEY_FILE=$CC_TLS_DIR/server.key"
  [[ "$CC_TLS" == mutual ]] && printf '%s\n' "CHAINCODE_TLS_CLIENT_CA_FILE=$CC_TLS_DIR/ca.crt"
  return 0
}
