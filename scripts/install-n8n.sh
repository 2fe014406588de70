#!/usr/bin/env bash
# Installs one real n8n line into a cache outside the clone (kept between CI runs).
# Usage: scripts/install-n8n.sh 1|2   → prints the n8n install folder on stdout.
#   1: n8n 1.123.81 on the machine's Node 20
#   2: n8n 2.41.1 on Node 24 (the `node` registry package, never replacing the system Node)
# Cache: $PLUGGEDIN_N8N_CACHE, default ~/.cache/n8n-nodes-pluggedin.
set -euo pipefail
line=${1:?usage: install-n8n.sh 1|2}
cache=${PLUGGEDIN_N8N_CACHE:-$HOME/.cache/n8n-nodes-pluggedin}
case "$line" in
  1) version=1.123.81; rebuild=(sqlite3) ;;
  2) version=2.41.1; rebuild=(sqlite3 isolated-vm) ;;
  *) echo "unknown n8n line: $line" >&2; exit 2 ;;
esac
dir="$cache/n8n-$version"
mkdir -p "$cache"
log="$cache/install-$version.log"

node24="$cache/node24"
if [ "$line" = 2 ] && [ ! -x "$node24/node_modules/node/bin/node" ]; then
  mkdir -p "$node24"
  ( cd "$node24" && [ -f package.json ] || npm init -y >/dev/null )
  # The node package's install script fetches nothing: the binary ships inside node-bin-<platform>.
  ( cd "$node24" && npm install node@24 --no-audit --no-fund >>"$log" 2>&1 )
fi
if [ "$line" = 2 ]; then export PATH="$node24/node_modules/node/bin:$PATH"; fi

if [ ! -f "$dir/.ready" ]; then
  echo "installing n8n $version into $dir (once; log: $log)" >&2
  rm -rf "$dir"; mkdir -p "$dir"
  cd "$dir"
  npm init -y >/dev/null
  # The default xlsx tarball lives on a host this machine cannot reach.
  npm pkg set 'overrides.xlsx=npm:@e965/xlsx@0.20.3'
  npm install "n8n@$version" --ignore-scripts --no-audit --no-fund >>"$log" 2>&1
  npm rebuild "${rebuild[@]}" >>"$log" 2>&1
  touch .ready
fi
echo "$dir"
