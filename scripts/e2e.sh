#!/usr/bin/env bash
# End-to-end: build the seeds site in both themes, serve it on a loopback port, and check it in
# a real browser (Debian's chromium driven by playwright-core), with axe-core and the Nu HTML
# Checker. Installs what it needs: chromium and a Java runtime from Debian when missing, the npm
# packages pinned in e2e/package-lock.json into e2e/node_modules. Screenshots go to
# target/e2e-screenshots/<theme>/. Prints "N passed, N failed"; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
THEMES=(default ledger)
SITE=$REPO/target/e2e-site
SHOTS=$REPO/target/e2e-screenshots

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v java >/dev/null || need_apt+=(default-jre-headless)
command -v python3 >/dev/null || need_apt+=(python3)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "e2e: installing ${need_apt[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${need_apt[@]}"
fi
command -v node >/dev/null || { echo "e2e: node (20 or later) is required"; exit 1; }

# npm packages, exactly as locked, into e2e/node_modules (reinstalled when the lock changes).
stamp=e2e/node_modules/.lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s e2e/package-lock.json "$stamp"; then
  (cd e2e && npm ci --no-audit --no-fund)
  cp e2e/package-lock.json "$stamp"
fi

cargo build --locked --quiet
BIN=$REPO/target/debug/communique

# A free loopback port.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE=http://127.0.0.1:$PORT

# Each theme's site is built from a copy of the seeds, served under /<theme>/ (a sub-path).
rm -rf "$SITE" "$SHOTS"
mkdir -p "$SITE" "$SHOTS"
work=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
for theme in "${THEMES[@]}"; do
  mkdir -p "$work/$theme"
  cp -r content themes "$work/$theme/"
  sed -e "s|^theme = .*|theme = \"$theme\"|" config.toml > "$work/$theme/config.toml"
  "$BIN" build --quiet --root "$work/$theme" --output-dir "$SITE/$theme" --base-url "$BASE/$theme/"
done

python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$SITE" >"$work/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do
  if python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "$BASE/default/index.html" 2>/dev/null; then
    break
  fi
  sleep 0.2
done

status=0
timeout 900 node e2e/run.mjs --base "$BASE" --site "$SITE" --shots "$SHOTS" --themes "$(IFS=,; echo "${THEMES[*]}")" || status=$?
exit $status
