#!/usr/bin/env bash
# Packs the NuGet packages users integrate: Hyperledger.Fabric.Protos, FabricFinance.Client,
# FabricFinance.Chaincode, FabricFinance.Chaincode.Testing, FabricFinance.Bills.Model,
# FabricFinance.Bills.Client and the fabfin .NET tool (FabricFinance.Bills.Cli), each with its
# symbols package (.snupkg), README, license expression, XML docs and SourceLink.
#
#   scripts/pack.sh [--output DIR] [--version VERSION] [--configuration CONFIG]
#
#   --output         where the .nupkg/.snupkg files go (default: artifacts/packages)
#   --version        the package version, e.g. 1.2.0 or 1.2.0-beta.1 (default: the projects' own)
#   --configuration  the build configuration (default: Release)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUTPUT="$ROOT/artifacts/packages"
VERSION=""
CONFIGURATION="Release"
PROJECTS=(
  "protos/Hyperledger.Fabric.Protos/Hyperledger.Fabric.Protos.csproj"
  "client/src/FabricFinance.Client/FabricFinance.Client.csproj"
  "chaincode/src/FabricFinance.Chaincode/FabricFinance.Chaincode.csproj"
  "chaincode/src/FabricFinance.Chaincode.Testing/FabricFinance.Chaincode.Testing.csproj"
  "chaincode/src/FabricFinance.Bills.Model/FabricFinance.Bills.Model.csproj"
  "client/src/FabricFinance.Bills.Client/FabricFinance.Bills.Client.csproj"
  "client/src/FabricFinance.Bills.Cli/FabricFinance.Bills.Cli.csproj"
)

usage() {
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --output) OUTPUT=${2:?--output needs a directory}; shift 2 ;;
    --version) VERSION=${2:?--version needs a version}; shift 2 ;;
    --configuration) CONFIGURATION=${2:?--configuration needs a name}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "pack.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

mkdir -p "$OUTPUT"
OUTPUT=$(cd "$OUTPUT" && pwd)

# PackageVersion, not Version: only the package's version changes, so an up-to-date build is reused as it is.
args=(-c "$CONFIGURATION" -o "$OUTPUT" -nologo -v minimal)
if [[ -n $VERSION ]]; then
  args+=("-p:PackageVersion=$VERSION")
fi

for project in "${PROJECTS[@]}"; do
  dotnet pack "$ROOT/$project" "${args[@]}"
done

echo "Packages in $OUTPUT:"
find "$OUTPUT" -maxdepth 1 \( -name '*.nupkg' -o -name '*.snupkg' \) -printf '  %f\n' | sort
