#!/usr/bin/env bash
# Builds everything and runs every test project, the integration suite against a real Fabric
# network included (it starts and stops the network itself, and reports itself skipped, with
# the reason, where no Fabric binaries are found). Ends with one line totalling all TRX results:
#   tests: N passed, N failed, N skipped
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RESULTS="$ROOT/TestResults"
CONFIGURATION=${CONFIGURATION:-Release}

cd "$ROOT"

# ensure_debian_package COMMAND PACKAGE WHY: install PACKAGE when COMMAND is missing and this is a
# Debian machine we may install on (root); otherwise say so and go on: the tests that need it
# report themselves skipped with the reason.
ensure_debian_package() {
  local command=$1 package=$2 why=$3
  command -v "$command" >/dev/null 2>&1 || [[ -x $command ]] && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $package (Debian package) $why"
    apt-get install -y -qq "$package" >/dev/null 2>&1 ||
      { apt-get update -qq && apt-get install -y -qq "$package" >/dev/null; } ||
      echo "Could not install $package: the tests that need it will be skipped" >&2
  else
    echo "$package is not installed and cannot be installed here: the tests that need it will be skipped" >&2
  fi
}

lint_scripts() {
  command -v shellcheck >/dev/null 2>&1 || { echo "shellcheck not found: skipping the script lint" >&2; return 0; }
  echo "Linting scripts with shellcheck"
  shellcheck -x scripts/*.sh scripts/lib/*.sh network/builders/ccaas/bin/* .ci/run
}

# Sums one attribute of every <Counters .../> element in the TRX files.
sum_counter() {
  local name=$1 total=0 value file
  for file in "$RESULTS"/*.trx; do
    [[ -e $file ]] || continue
    value=$(grep -o '<Counters [^>]*>' "$file" | grep -o " $name=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0)
    total=$((total + value))
  done
  echo "$total"
}

ensure_debian_package shellcheck shellcheck "to lint the scripts"
ensure_debian_package chromium chromium "for the monitor's page tests (headless Chromium)"
ensure_debian_package /usr/lib/postgresql/15/bin/initdb postgresql "for the monitor's PostgreSQL store tests"
lint_scripts
rm -rf "$RESULTS"
dotnet build FabricFinance.sln -c "$CONFIGURATION" -nologo -v minimal

status=0
dotnet test FabricFinance.sln -c "$CONFIGURATION" --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" || status=$?

total=$(sum_counter total)
passed=$(sum_counter passed)
failed=$(sum_counter failed)
skipped=$((total - passed - failed))
if [[ $total -eq 0 ]]; then
  echo "No test results were written to $RESULTS" >&2
  status=1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
