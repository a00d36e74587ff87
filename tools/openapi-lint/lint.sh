#!/usr/bin/env bash
# Lints openapi.yaml with the pinned Spectral CLI (package.json + package-lock.json) and the ruleset .spectral.yaml.
# Exits non-zero on any error or warning. Needs Node.js 20+ and npm; installs with `npm ci` (exact lock-file
# versions, install scripts off) into tools/openapi-lint/node_modules.
#   usage: tools/openapi-lint/lint.sh [SPEC]      (default: openapi.yaml at the repository root)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
spec="$(cd "$(dirname "${1:-$root/openapi.yaml}")" && pwd)/$(basename "${1:-$root/openapi.yaml}")"

command -v npm >/dev/null 2>&1 || { echo "ERROR: npm (Node.js 20+) is required to lint openapi.yaml." >&2; exit 1; }
cd "$here"
# Reinstall only when the lock file changed since the last install (npm ci always wipes node_modules first).
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ ! -x node_modules/.bin/spectral ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
echo "== Spectral $(node_modules/.bin/spectral --version) on ${spec#"$root"/}"
node_modules/.bin/spectral lint --fail-severity=warn --ruleset "$here/.spectral.yaml" "$spec"
