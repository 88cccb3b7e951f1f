#!/usr/bin/env bash
# Tests the installable packages that scripts/package.sh made (out/packages/):
# the .deb's control data (version, WebKitGTK dependencies), its contents (app, command line,
# desktop entry, PNG icons), the packaged app started under Xvfb until its window is shown,
# the packaged command line on a scratch database, and the .rpm's version, requirements and
# file list. Fails with a message on the first thing that is wrong.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/scripts/lib/xvfb.sh"

fail() { echo "package test FAILED: $*" >&2; exit 1; }
ok() { echo "  ok: $*"; }

version="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$ROOT/src-tauri/tauri.conf.json" | head -1)"
[ -n "$version" ] || fail "no version in src-tauri/tauri.conf.json"
deb="$ROOT/out/packages/Infoklass_${version}_amd64.deb"
rpm="$ROOT/out/packages/Infoklass-${version}-1.x86_64.rpm"
[ -f "$deb" ] || fail "$deb is missing (run scripts/package.sh)"
[ -f "$rpm" ] || fail "$rpm is missing (run scripts/package.sh)"

work="$(mktemp -d)"
app=""
cleanup() {
  [ -n "$app" ] && kill_tree "$app"
  stop_xvfb
  rm -rf "$work"
}
trap cleanup EXIT

echo "== .deb control data"
dpkg-deb -I "$deb" >"$work/info"
grep -qx " Package: infoklass" "$work/info" || fail "package name is not infoklass: $(grep Package "$work/info")"
grep -qx " Version: $version" "$work/info" || fail "version is not $version"
ok "infoklass $version"
depends="$(sed -n 's/^ Depends: //p' "$work/info")"
for dep in libwebkit2gtk-4.1-0 libgtk-3-0; do
  grep -qE "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
ok "Depends: $depends"

echo "== .deb contents"
root="$work/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/infoklass-app usr/bin/infoklass; do
  [ -x "$root/$f" ] || fail "/$f is missing or not executable"
done
ok "/usr/bin/infoklass-app and /usr/bin/infoklass"
entry="$root/usr/share/applications/Infoklass.desktop"
[ -f "$entry" ] || fail "no desktop entry at /usr/share/applications/Infoklass.desktop"
grep -qx "Exec=infoklass-app" "$entry" || fail "desktop entry does not start infoklass-app: $(grep Exec= "$entry")"
icon="$(sed -n 's/^Icon=//p' "$entry")"
[ -n "$icon" ] || fail "desktop entry names no icon"
icons=("$root"/usr/share/icons/hicolor/*/apps/"$icon".png)
[ -f "${icons[0]}" ] || fail "no PNG icon named $icon under /usr/share/icons/hicolor"
for i in "${icons[@]}"; do
  size="$(basename "$(dirname "$(dirname "$i")")")"           # e.g. 128x128 or 256x256@2
  px="${size%%@*}"; px="${px%%x*}"
  file -b "$i" | grep -q "^PNG image data, $px x $px" || fail "$i is not a ${px}px PNG: $(file -b "$i")"
done
ok "desktop entry and ${#icons[@]} PNG icons ($icon)"

echo "== packaged command line"
db="$work/cli.sqlite"
"$root/usr/bin/infoklass" --help >"$work/help" || fail "infoklass --help failed"
grep -q "objects" "$work/help" || fail "infoklass --help does not list its commands"
"$root/usr/bin/infoklass" --db "$db" objects >"$work/none" || fail "infoklass objects on a new database failed"
"$root/usr/bin/infoklass" --db "$db" new "$ROOT/docs/examples/ekonomisystem.toml" >/dev/null \
  || fail "infoklass new failed"
"$root/usr/bin/infoklass" --db "$db" objects --json >"$work/objects.json" || fail "infoklass objects failed"
name="$(sed -n 's/^name *= *"\(.*\)"/\1/p' "$ROOT/docs/examples/ekonomisystem.toml" | head -1)"
grep -qF "$name" "$work/objects.json" || fail "the new object '$name' is not listed"
ok "--help, objects, new and objects --json ('$name')"

echo "== packaged app under Xvfb"
start_xvfb
HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CACHE_HOME="$work/home/cache" \
  XDG_CONFIG_HOME="$work/home/config" "$root/usr/bin/infoklass-app" --db "$work/app.sqlite" >"$work/app.log" 2>&1 &
app=$!
# The limit only keeps a broken window from hanging the test run.
if ! wait_for_window "Infoklass" "$app" 180; then
  cat "$work/app.log" >&2
  fail "the packaged app showed no window"
fi
kill_tree "$app"; app=""
[ -f "$work/app.sqlite" ] || fail "the packaged app did not create its database"
ok "window shown, database created"

echo "== .rpm"
command -v rpm >/dev/null || fail "rpm is not installed (scripts/setup.sh installs it)"
{
  [ "$(rpm -qp --qf '%{NAME} %{VERSION}' "$rpm" 2>/dev/null)" = "infoklass $version" ] \
    || fail "rpm name/version: $(rpm -qp --qf '%{NAME} %{VERSION}' "$rpm" 2>&1)"
  requires="$(rpm -qp --requires "$rpm" 2>/dev/null)"
  for dep in webkit2gtk4.1 gtk3; do
    grep -q "^$dep\b" <<<"$requires" || fail "rpm does not require $dep: $requires"
  done
  files="$(rpm -qpl "$rpm" 2>/dev/null)"
  for f in /usr/bin/infoklass-app /usr/bin/infoklass /usr/share/applications/Infoklass.desktop; do
    grep -qx "$f" <<<"$files" || fail "rpm lacks $f"
  done
  ok "infoklass $version, requires webkit2gtk4.1 and gtk3, holds app, command line and desktop entry"
}

echo "packages ok"
