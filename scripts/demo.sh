#!/usr/bin/env bash
# The demo: starts the native Fabric 2.5 test network (or reuses the running one), deploys the C#
# chaincode as chaincode-as-a-service, and walks one asset through its life with the .NET client.
# Leaves the network running; stop it with scripts/network.sh down.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

scripts/network.sh up
scripts/network.sh deploy >/dev/null
dotnet run --project client/samples/FabricFinance.Samples.AssetClient -c Release -- network/.run/network.json assets
echo "The network is still running: scripts/network.sh status | down"
