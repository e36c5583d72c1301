#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR disable=SC2034  # CC_* globals set here are read by lifecycle.sh and service.sh
# `network.sh deploy`, first steps: check the inputs, build the .NET chaincode service and make
# its chaincode-as-a-service package, whose id is reproducible (same inputs, same bytes).

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
    [[ -n "$TERMS_COLLECTIONS" ]] || CC_EXTRA_ARGS+=(--collections-config "$CC_COLLECTIONS_CONFIG")
  fi
  [[ -z "$CC_SIGNATURE_POLICY" ]] || CC_EXTRA_ARGS+=(--signature-policy "$CC_SIGNATURE_POLICY")
  mkdir -p "$CC_DEPLOY_DIR"
  if [[ -n "$TERMS_COLLECTIONS" ]]; then
    merge_collections "$CC_COLLECTIONS_CONFIG" "$CC_DEPLOY_DIR/collections.json"
    CC_COLLECTIONS_CONFIG="$CC_DEPLOY_DIR/collections.json"
    CC_EXTRA_ARGS+=(--collections-config "$CC_COLLECTIONS_CONFIG")
  fi
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

