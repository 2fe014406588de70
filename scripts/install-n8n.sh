#!/usr/bin/env bash
# Installs one real n8n line into a cache outside the clone (kept between runs), and proves it works
# before calling it ready. Every call checks the cache again: a broken or half-finished one is repaired
# (native modules rebuilt) or installed anew, never trusted.
# Usage: scripts/install-n8n.sh 1|2   → prints the n8n install folder on stdout; progress on stderr.
#   1: n8n 1.123.81 on the machine's Node 20
#   2: n8n 2.41.1 on Node 24 (the `node` registry package, never replacing the system Node)
# Cache: $PLUGGEDIN_N8N_CACHE, default ~/.cache/n8n-nodes-pluggedin.
#
# npm 11.19 runs no dependency's install script unless the installing project's package.json lists it
# in allowScripts (`npm help install-scripts`); without that, `npm rebuild sqlite3` prints success and
# builds nothing. So each install folder lists exactly the modules whose scripts we need.
set -euo pipefail
line=${1:?usage: install-n8n.sh 1|2}
cache=${PLUGGEDIN_N8N_CACHE:-$HOME/.cache/n8n-nodes-pluggedin}
case "$line" in
  1) version=1.123.81; natives=(sqlite3) ;;
  2) version=2.41.1; natives=(sqlite3 isolated-vm) ;;
  *) echo "unknown n8n line: $line" >&2; exit 2 ;;
esac
dir="$cache/n8n-$version"
node24="$cache/node24"
mkdir -p "$cache"
log="$cache/install-$version.log"
say() { echo "install-n8n: $*" >&2; }
# Called through `npm run …`, npm hands this project's settings down as npm_config_* variables; our
# .npmrc's ignore-scripts=true would then silently stop every native build below.
unset npm_config_ignore_scripts NPM_CONFIG_IGNORE_SCRIPTS
fail() { say "$*"; say "log: $log"; tail -n 25 "$log" >&2 2>/dev/null || true; exit 1; }

# One installer per line at a time (CI, demo and e2e may start together); others wait, then re-check.
exec 9>"$cache/.lock-$line"
flock 9

node_ok() { [ "$("$node24/node_modules/node/bin/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = 24 ]; }
if [ "$line" = 2 ]; then
  if ! node_ok; then
    say "installing Node 24 (registry package node@24) into $node24"
    rm -rf "$node24"; mkdir -p "$node24"
    # The node package's install script links the binary shipped in node-bin-<platform>: allow it.
    ( cd "$node24" && npm init -y >/dev/null && npm pkg set allowScripts.node=true \
      && npm install node@24 --ignore-scripts=false --no-audit --no-fund >>"$log" 2>&1 ) || fail "npm install node@24 failed"
    node_ok || fail "Node 24 did not install: $node24/node_modules/node/bin/node does not run"
  fi
  export PATH="$node24/node_modules/node/bin:$PATH"
fi

# Each native module must load in the line's own Node, from n8n's folder.
natives_ok() {
  local m
  for m in "${natives[@]}"; do
    (cd "$dir" && node -e "require('$m')" >>"$log" 2>&1) || { say "native module $m does not load in $(node --version)"; return 1; }
  done
}
# n8n itself answers a command that opens its database (a throw-away user folder).
n8n_ok() {
  local folder; folder=$(mktemp -d)
  local env=(N8N_USER_FOLDER="$folder" N8N_ENCRYPTION_KEY=install-check N8N_DIAGNOSTICS_ENABLED=false
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false N8N_RUNNERS_ENABLED=false)
  [ "$line" = 1 ] && env+=(N8N_EXPRESSION_ENGINE=legacy)
  local ok=0
  (cd "$dir" && env "${env[@]}" timeout -k 5 120 node_modules/.bin/n8n list:workflow >>"$log" 2>&1) || ok=1
  rm -rf "$folder"
  [ $ok = 0 ] || say "n8n $version did not answer 'n8n list:workflow' (see the log)"
  return $ok
}
rebuild_natives() {
  say "building native modules ${natives[*]} for n8n $version (about a minute)"
  (cd "$dir" && for m in "${natives[@]}"; do npm pkg set "allowScripts.$m=true"; done \
    && npm rebuild "${natives[@]}" --ignore-scripts=false --foreground-scripts >>"$log" 2>&1) || return 1
  natives_ok
}
installed() { [ -x "$dir/node_modules/.bin/n8n" ] && [ "$(cd "$dir" && node -p "require('n8n/package.json').version" 2>/dev/null)" = "$version" ]; }

if [ -f "$dir/.ready" ] && natives_ok; then
  echo "$dir"; exit 0
fi
rm -f "$dir/.ready"
if installed; then
  # A complete install whose natives do not load: rebuild them. Downloading n8n again would not help a
  # native build that fails, so that is reported as it is.
  if natives_ok; then
    say "checking the cached n8n $version in $dir (its last install or repair did not finish)"
  else
    say "the cached n8n $version in $dir is broken; repairing it"
    rebuild_natives || fail "native modules ${natives[*]} of the cached n8n $version did not build (a compiler, python3 and make are needed)"
  fi
  n8n_ok || fail "the cached n8n $version does not run after its native modules were rebuilt"
  date -u +%FT%TZ > "$dir/.ready"
  say "n8n $version repaired"
  echo "$dir"; exit 0
fi
say "installing n8n $version into $dir (about 6 minutes, once; log: $log)"
rm -rf "$dir"; mkdir -p "$dir"
cd "$dir"
npm init -y >/dev/null
# The default xlsx tarball lives on a host this machine cannot reach.
npm pkg set 'overrides.xlsx=npm:@e965/xlsx@0.20.3'
npm install "n8n@$version" --save-exact --ignore-scripts --no-audit --no-fund >>"$log" 2>&1 || fail "npm install n8n@$version failed"
rebuild_natives || fail "native modules ${natives[*]} did not build"
n8n_ok || fail "n8n $version is installed but does not run"
date -u +%FT%TZ > .ready
say "n8n $version ready"
echo "$dir"
