#!/usr/bin/env bash
# Packaging test: builds the .deb from this build tree with CPack, unpacks it into a temporary
# root with dpkg -x, and checks the control fields, the installed layout and metadata, and that
# the installed programs run from there on their own data (not the source tree).
# Usage: package_test.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build=$1 src=$2 version=$3

tmp=$(mktemp -d "${TMPDIR:-/tmp}/plancompare-pkgtest.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
checks=0
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { checks=$((checks + 1)); echo "ok $checks - $*"; }

# --- Build the package (into the temporary folder, so `dev.sh package` output is left alone).
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log" >&2; fail "cpack -G DEB failed"; }
arch=$(dpkg --print-architecture)
deb="$tmp/out/plancompare_${version}_${arch}.deb"
[ -f "$deb" ] || fail "expected $deb; cpack wrote: $(ls "$tmp/out")"
ok "cpack wrote $(basename "$deb")"

# --- Control fields.
dpkg-deb -I "$deb" >"$tmp/info" || fail "dpkg-deb -I cannot read $deb"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = plancompare ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', project says $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)'"
[ "$(field Section)" = science ] || fail "Section is '$(field Section)'"
field Maintainer | grep -q '<.*@.*>' || fail "Maintainer has no address: '$(field Maintainer)'"
depends=$(field Depends)
for dep in 'libqt6core6 (>=' 'libqt6gui6 (>=' 'libqt6widgets6 (>=' 'libc6 (>=' fonts-noto-cjk libqt6sql6-sqlite; do
  grep -qF "$dep" <<<"$depends" || fail "Depends lacks '$dep': $depends"
done
[ "$(field Description | head -1)" = "compare business-environment plan targets (营商环境政策对比)" ] ||
  fail "synopsis is '$(field Description | head -1)'"
[ "$(field Description | grep -c 'compare business-environment plan targets')" -eq 1 ] || fail "synopsis repeated"
grep -q '营商环境方案' "$tmp/info" || fail "the description has no Chinese text"
grep -q 'policy' "$tmp/info" || fail "the description has no English text"
ok "control: plancompare $version $arch, Depends from dpkg-shlibdeps plus fonts-noto-cjk, libqt6sql6-sqlite"

# --- Installed layout.
root="$tmp/root"
dpkg -x "$deb" "$root"
usr="$root/usr"
expect() { [ -e "$usr/$1" ] || fail "the package lacks /usr/$1"; }
expect bin/plancompare
expect bin/plancompare-cli
[ -x "$usr/bin/plancompare-cli" ] || fail "/usr/bin/plancompare-cli is not executable"
expect share/plancompare/seeds/manifest.json
for f in "$src"/seeds/*.txt; do
  cmp -s "$f" "$usr/share/plancompare/seeds/$(basename "$f")" || fail "seed $(basename "$f") differs or is missing"
done
ntax=0
while IFS= read -r -d '' f; do
  rel=${f#"$src/resources/taxonomy/"}
  cmp -s "$f" "$usr/share/plancompare/taxonomy/$rel" || fail "taxonomy/$rel differs or is missing"
  ntax=$((ntax + 1))
done < <(find "$src/resources/taxonomy" -name '*.json' -print0 2>/dev/null)
app=io.github.plancompare.PlanCompare
expect "share/applications/$app.desktop"
expect "share/metainfo/$app.metainfo.xml"
expect share/icons/hicolor/scalable/apps/plancompare.svg
for s in 48 64 128 256; do
  png="$usr/share/icons/hicolor/${s}x${s}/apps/plancompare.png"
  file -b "$png" | grep -q "^PNG image data, $s x $s," || fail "$png is not a ${s}x$s PNG: $(file -b "$png")"
done
expect share/man/man1/plancompare-cli.1.gz
expect share/man/man1/plancompare.1.gz
gzip -dc "$usr/share/doc/plancompare/changelog.gz" | head -1 | grep -qF "plancompare ($version) " ||
  fail "share/doc/plancompare/changelog.gz does not start with plancompare ($version)"
if find "$root" -path '*/build/*' -o -name '*.o' -o -name 'plancompare-rendericon' | grep -q .; then
  fail "build files in the package: $(find "$root" -path '*/build/*' -o -name '*.o' -o -name 'plancompare-rendericon')"
fi
# dpkg-shlibdeps really ran: every library the binaries link is owned by a package in Depends.
dep_names=$(sed -e 's/([^)]*)//g' -e 's/[,|]/\n/g' <<<"$depends" | tr -d ' ')
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH) # not /lib32/… of the i386 compatibility packages
# The PDF reader module (Poppler, Tesseract), which the programs dlopen when a PDF arrives.
pdfmodule=$(find "$usr/lib" -path '*/plancompare/libplancompare_pdf.so' | head -1)
[ -n "$pdfmodule" ] || fail "the package lacks lib/…/plancompare/libplancompare_pdf.so"
for bin in "$usr/bin/plancompare" "$usr/bin/plancompare-cli" "$pdfmodule"; do
  for lib in $(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    # "pkg:arch: path", or "pkg1, pkg2: path" when packages share the path.
    owners=$(dpkg -S "*/$multiarch/$lib" 2>/dev/null | head -1 | sed -e 's/: .*//' -e 's/, */\n/g' | sed 's/:.*//') || true
    [ -n "$owners" ] || fail "no installed package owns $lib (needed by $(basename "$bin"))"
    grep -qxFf <(printf '%s\n' "$owners") <<<"$dep_names" || fail "Depends lacks $owners, which provides $lib: $depends"
  done
done
ok "layout: binaries, $(ls "$src"/seeds/*.txt | wc -l) seeds + manifest, $ntax taxonomy files, desktop, metainfo, icons 48-256 + SVG, man pages"

# --- Metadata validators.
desktop-file-validate "$usr/share/applications/$app.desktop" >"$tmp/dfv" 2>&1 ||
  { cat "$tmp/dfv" >&2; fail "desktop-file-validate"; }
grep -q '^Name\[zh_CN\]=营商环境政策对比$' "$usr/share/applications/$app.desktop" || fail "no Chinese name in the desktop entry"
grep -q '^Categories=Office;Education;Science;$' "$usr/share/applications/$app.desktop" || fail "desktop categories"
ok "desktop entry valid"
appstreamcli validate --no-net "$usr/share/metainfo/$app.metainfo.xml" >"$tmp/asv" 2>&1 ||
  { cat "$tmp/asv" >&2; fail "appstreamcli validate --no-net"; }
grep -q "<release version=\"$version\"" "$usr/share/metainfo/$app.metainfo.xml" || fail "metainfo release is not $version"
grep -q '<screenshot type="default">' "$usr/share/metainfo/$app.metainfo.xml" || fail "metainfo has no screenshot"
ok "metainfo valid, release $version"

# --- Man pages: no groff warnings, version in the header, every command of --help documented.
cli="$usr/bin/plancompare-cli"
run() { env -u PLANCOMPARE_DATA_DIR PLANCOMPARE_NO_SOURCE_TREE=1 HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" \
          XDG_CONFIG_HOME="$tmp/home/config" XDG_RUNTIME_DIR="$tmp/home/run" QT_QPA_PLATFORM=offscreen "$@"; }
mkdir -p "$tmp/home/run" && chmod 700 "$tmp/home/run"
for page in plancompare-cli plancompare; do
  gzip -dc "$usr/share/man/man1/$page.1.gz" >"$tmp/$page.1"
  groff -k -man -Tutf8 -ww -z "$tmp/$page.1" 2>"$tmp/groff.err" || fail "groff cannot format $page.1"
  [ ! -s "$tmp/groff.err" ] || { cat "$tmp/groff.err" >&2; fail "groff warnings in $page.1"; }
  grep -q "^\.TH .*\"PlanCompare $version\"" "$tmp/$page.1" || fail "$page.1 header does not say PlanCompare $version"
done
groff -k -man -Tutf8 -P-cbou "$tmp/plancompare-cli.1" >"$tmp/cli.txt" 2>/dev/null
commands=$(run "$cli" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z-]*\).*/\1/p')
[ -n "$commands" ] || fail "plancompare-cli --help lists no commands"
for c in $commands; do
  grep -qE "^   $c( |$)" "$tmp/cli.txt" || fail "command '$c' of --help has no section in plancompare-cli.1 (packaging/plancompare-cli.1.in)"
done
for o in --db --help --version; do grep -qE "^       $o" "$tmp/cli.txt" || fail "option $o not in plancompare-cli.1"; done
grep -q 'EXIT STATUS' "$tmp/cli.txt" || fail "no EXIT STATUS in plancompare-cli.1"
ok "man pages format cleanly and cover: $(echo $commands) --db --help --version"

# --- The installed programs, on their own prefix.
out=$(run "$cli" --version) || fail "installed plancompare-cli --version failed"
[ "$out" = "plancompare-cli $version" ] || fail "--version printed '$out'"
ok "installed plancompare-cli --version: $out"
run "$cli" paths >"$tmp/paths" 2>"$tmp/paths.err" || { cat "$tmp/paths.err" >&2; fail "installed plancompare-cli paths"; }
grep -qxF "seeds	$usr/share/plancompare/seeds" "$tmp/paths" || { cat "$tmp/paths" >&2; fail "seeds not found in the prefix"; }
grep -qxF "executable	$usr/bin/plancompare-cli" "$tmp/paths" || fail "paths: executable"
if [ "$ntax" -gt 0 ]; then
  grep -qxF "taxonomy	$usr/share/plancompare/taxonomy" "$tmp/paths" || { cat "$tmp/paths" >&2; fail "taxonomy not found in the prefix"; }
fi
grep -qxF "search	$usr/share/plancompare" "$tmp/paths" || fail "paths searched more than the prefix: $(grep ^search "$tmp/paths")"
ok "installed copy uses $usr/share/plancompare only"
run "$cli" seeds >"$tmp/seeds" 2>"$tmp/seeds.err" || { cat "$tmp/seeds.err" >&2; fail "installed plancompare-cli seeds"; }
[ "$(wc -l <"$tmp/seeds")" -eq 5 ] || fail "seeds listed $(wc -l <"$tmp/seeds") plans, expected 5"
head -1 "$tmp/seeds" | grep -q "^chongqing-2019	重庆市	municipal	2019	" || fail "first seed line: $(head -1 "$tmp/seeds")"
ok "installed plancompare-cli seeds lists the 5 plans"
# The installed taxonomy is the one in use: the installed copy extracts exactly what the build tree does.
{
  seed="$usr/share/plancompare/seeds/dazu-2019.txt"
  run "$cli" targets "$seed" >"$tmp/targets.installed" 2>"$tmp/targets.err" ||
    { cat "$tmp/targets.err" >&2; fail "installed plancompare-cli targets"; }
  env -u PLANCOMPARE_DATA_DIR -u PLANCOMPARE_NO_SOURCE_TREE "$build/app/plancompare-cli" targets "$seed" \
    >"$tmp/targets.build" 2>/dev/null || fail "build-tree plancompare-cli targets"
  head -1 "$tmp/targets.installed" | grep -q '^.*doc,area,indicator,scope,kind,comparator,value,unit,baseline,deadline,quote' ||
    fail "targets header: $(head -1 "$tmp/targets.installed")"
  rows=$(($(wc -l <"$tmp/targets.installed") - 1))
  [ "$rows" -ge 10 ] || fail "installed targets found only $rows targets in dazu-2019"
  cmp -s "$tmp/targets.installed" "$tmp/targets.build" || fail "installed and build-tree targets differ"
  ok "installed plancompare-cli targets: $rows targets in dazu-2019, same as the build tree"
}
# import lands with the store (issue 5): once the installed CLI offers it, it must work here.
if grep -qx import <<<"$commands"; then
  run "$cli" --db "$tmp/db.sqlite" import --seeds >"$tmp/import" 2>"$tmp/import.err" ||
    { cat "$tmp/import" "$tmp/import.err" >&2; fail "installed plancompare-cli import --seeds"; }
  [ -s "$tmp/db.sqlite" ] || fail "import --seeds wrote no database at $tmp/db.sqlite"
  ok "installed plancompare-cli import --seeds into a temporary database"
else
  echo "note: plancompare-cli $version has no import command yet; import --seeds not run"
fi
run "$usr/bin/plancompare" --version | grep -qF "$version" || fail "installed plancompare --version"
run "$usr/bin/plancompare" --screenshot "$tmp/shot.png" --db "$tmp/gui.sqlite" >"$tmp/gui.log" 2>&1 ||
  { cat "$tmp/gui.log" >&2; fail "installed plancompare --screenshot"; }
geom=$(file -b "$tmp/shot.png")
[[ $geom =~ ^PNG\ image\ data,\ ([0-9]+)\ x\ ([0-9]+), ]] || fail "screenshot is not a PNG: $geom"
[ "${BASH_REMATCH[1]}" -ge 1000 ] && [ "${BASH_REMATCH[2]}" -ge 600 ] || fail "screenshot is only $geom"
ok "installed plancompare --screenshot: ${BASH_REMATCH[1]}x${BASH_REMATCH[2]} PNG"

# --- Everything the programs load at run time comes in through the package's Depends (recursively,
# no Recommends): the libraries and plugins the dynamic loader opened while the GUI rendered a
# screenshot and the CLI wrote charts (LD_DEBUG=files), and the Qt plugins they use that cannot
# load here (xcb needs a display) with the libraries those link.
ld="$tmp/ld" && mkdir -p "$ld"
run env LD_DEBUG=files LD_DEBUG_OUTPUT="$ld/gui" "$usr/bin/plancompare" --screenshot "$tmp/shot2.png" \
  --db "$tmp/gui.sqlite" >/dev/null 2>&1 || fail "installed plancompare --screenshot under LD_DEBUG"
for fmt in svg png pdf; do
  run env LD_DEBUG=files LD_DEBUG_OUTPUT="$ld/cli-$fmt" "$cli" --db "$tmp/gui.sqlite" chart --indicator wa.time \
    --out "$tmp/chart.$fmt" >/dev/null 2>&1 || fail "installed plancompare-cli chart --out chart.$fmt"
done
# A PDF: the installed CLI finds the installed module beside it and reads the report it wrote.
run "$cli" --db "$tmp/gui.sqlite" report --indicator wa.time --out "$tmp/report.pdf" >/dev/null 2>&1 ||
  fail "installed plancompare-cli report --out report.pdf"
run env LD_DEBUG=files LD_DEBUG_OUTPUT="$ld/cli-readpdf" "$cli" parse "$tmp/report.pdf" >"$tmp/report.parsed" \
  2>"$tmp/report.err" || { cat "$tmp/report.err" >&2; fail "installed plancompare-cli parse report.pdf"; }
grep -qF "$pdfmodule" "$ld"/cli-readpdf* || fail "parse report.pdf did not load $pdfmodule"
ok "installed plancompare-cli reads a PDF through ${pdfmodule#"$root"}"
plugins=/usr/lib/$multiarch/qt6/plugins
loaded=$(sed -n 's/.*calling init: \(\/.*\)$/\1/p' "$ld"/* | grep -v "^$root/" | sort -u)
for p in sqldrivers/libqsqlite.so platforms/libqoffscreen.so platforms/libqxcb.so imageformats/libqsvg.so \
         iconengines/libqsvgicon.so; do
  grep -qxF "$plugins/$p" <<<"$loaded" && continue
  case "$p" in # xcb needs a display; the SVG icon engine serves themed icons on a desktop
    platforms/libqxcb.so | iconengines/libqsvgicon.so) ;;
    *) fail "the programs did not load $plugins/$p" ;;
  esac
  loaded+=$'\n'"$plugins/$p"$'\n'"$(ldd "$plugins/$p" | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p')"
done
fonts=$(fc-match -f '%{file}' 'Noto Sans CJK SC')
mapfile -t runtime < <(printf '%s\n%s\n' "$loaded" "$fonts" | grep . | sort -u)
bash "$src/tests/packaging/deps_closure.sh" files "${runtime[@]}" -- $dep_names >"$tmp/closure" 2>&1 ||
  { cat "$tmp/closure" >&2; fail "the package's Depends do not bring what the programs load"; }
ok "run time: ${#runtime[@]} libraries, plugins and fonts the programs load come with Depends ($(tail -1 "$tmp/closure"))"

echo "$checks passed, 0 failed"
