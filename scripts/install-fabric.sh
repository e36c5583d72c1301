#!/usr/bin/env bash
# Install the official Hyperledger Fabric release binaries (peer, orderer, configtxgen,
# configtxlator, cryptogen, osnadmin, ...) and their sample config into <repo>/.fabric/,
# where scripts/network.sh and the integration tests look for them (after $FABRIC_BIN).
#
#   scripts/install-fabric.sh [--version 2.5.5] [--dest DIR] [--sha256 HEX] [--force]
#
# The release tarball for this OS and CPU is downloaded from Fabric's GitHub releases:
#   $FABRIC_DOWNLOAD_BASE_URL/v<version>/hyperledger-fabric-<os>-<arch>-<version>.tar.gz
# FABRIC_DOWNLOAD_BASE_URL defaults to https://github.com/hyperledger/fabric/releases/download
# and can point at a mirror. Verification: the archive must be intact gzip, match --sha256
# when given (or $FABRIC_RELEASE_SHA256), hold bin/ and config/ with the expected files, and
# its peer must report the requested version. Nothing is replaced until all checks pass.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/log.sh
source "$REPO_ROOT/scripts/lib/log.sh"

VERSION="2.5.5"                                   # (--version)
DEST="$REPO_ROOT/.fabric"                         # (--dest)
SHA256="${FABRIC_RELEASE_SHA256:-}"               # (--sha256)
FORCE=""                                          # (--force) reinstall even if present
BASE_URL="${FABRIC_DOWNLOAD_BASE_URL:-https://github.com/hyperledger/fabric/releases/download}"
CONNECT_TIMEOUT=5                                 # seconds; fail fast without network
REQUIRED=(bin/peer bin/orderer bin/configtxgen bin/configtxlator bin/cryptogen bin/osnadmin
          config/core.yaml config/orderer.yaml config/configtx.yaml)

usage() { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

parse_flags() {
  while (( $# )); do
    case "$1" in
      --version) VERSION="${2:?--version needs a value}"; shift ;;
      --version=*) VERSION="${1#*=}" ;;
      --dest) DEST="${2:?--dest needs a value}"; shift ;;
      --dest=*) DEST="${1#*=}" ;;
      --sha256) SHA256="${2:?--sha256 needs a value}"; shift ;;
      --sha256=*) SHA256="${1#*=}" ;;
      --force) FORCE=1 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; fatal "unknown argument: $1" ;;
    esac
    shift
  done
  [[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fatal "--version must look like 2.5.5, got '$VERSION'"
  [[ "$VERSION" == 2.5.* ]] || log_warn "FabricFinance is built and tested against Fabric 2.5; installing $VERSION"
}

platform() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) fatal "no Fabric release for $(uname -s); use Linux or macOS, or build Fabric and set FABRIC_BIN" ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) fatal "no Fabric release for CPU $(uname -m); build Fabric and set FABRIC_BIN" ;;
  esac
  echo "$os-$arch"
}

installed_version() {
  [[ -x "$DEST/bin/peer" ]] || return 1
  "$DEST/bin/peer" version 2>/dev/null | sed -n 's/^ *Version: *//p' | head -n 1
}

download() {
  local url="$1" out="$2" rc=0
  log_info "downloading $url"
  curl --fail --location --silent --show-error --connect-timeout "$CONNECT_TIMEOUT" \
    --max-time 900 --output "$out" "$url" || rc=$?
  (( rc == 0 )) && return 0
  case "$rc" in
    6 | 7 | 28 | 35 | 56) fatal "could not reach ${url%%/v"$VERSION"/*} (curl exit $rc): no network access?" \
      "on a machine without internet, copy the Fabric $VERSION release (bin/ and config/) into $DEST" \
      "or set FABRIC_BIN to a folder with the Fabric binaries (and FABRIC_CFG_PATH to its config/)" \
      "a mirror can be used with FABRIC_DOWNLOAD_BASE_URL=<url> (…/v$VERSION/<tarball> below it)" ;;
    22) fatal "the server has no $url (HTTP error): is $VERSION a released Fabric version?" ;;
    *) fatal "download of $url failed (curl exit $rc)" ;;
  esac
}

verify() {
  local archive="$1" dir="$2" actual entry got
  gzip -t "$archive" 2>/dev/null || fatal "$archive is not a valid gzip archive (truncated download?)"
  if [[ -n "$SHA256" ]]; then
    actual="$(sha256sum "$archive" 2>/dev/null || shasum -a 256 "$archive")"
    [[ "${actual%% *}" == "$(tr '[:upper:]' '[:lower:]' <<<"$SHA256")" ]] || fatal "checksum mismatch: expected $SHA256, got ${actual%% *}"
    log_detail "sha256 ok"
  fi
  mkdir -p "$dir"
  tar -xzf "$archive" -C "$dir"
  for entry in "${REQUIRED[@]}"; do
    [[ -e "$dir/$entry" ]] || fatal "the archive has no $entry; not a Fabric release tarball"
  done
  got="$("$dir/bin/peer" version 2>/dev/null | sed -n 's/^ *Version: *//p' | head -n 1)" ||
    fatal "the downloaded peer does not run on this machine"
  [[ "$got" == "$VERSION" ]] || fatal "the downloaded peer reports version '$got', expected $VERSION"
}

main() {
  parse_flags "$@"
  command -v curl >/dev/null 2>&1 || fatal "curl is needed to download Fabric"
  if [[ -z "$FORCE" && "$(installed_version || true)" == "$VERSION" ]]; then
    log_success "Fabric $VERSION already installed in $DEST (use --force to reinstall)"
    return 0
  fi
  local name work
  name="hyperledger-fabric-$(platform)-$VERSION.tar.gz"
  work="$(mktemp -d "${TMPDIR:-/tmp}/fabric-install.XXXXXX")"
  # shellcheck disable=SC2064  # expand now: work is local
  trap "rm -rf '$work'" EXIT
  download "$BASE_URL/v$VERSION/$name" "$work/$name"
  verify "$work/$name" "$work/release"
  mkdir -p "$DEST"
  rm -rf "${DEST:?}/bin" "${DEST:?}/config"
  mv "$work/release/bin" "$work/release/config" "$DEST/"
  log_success "Fabric $VERSION installed: $DEST/bin (binaries), $DEST/config (sample config)"
}

main "$@"
