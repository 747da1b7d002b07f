#!/usr/bin/env bash
# Checks the machine's toolchain (Java 17+, Maven 3.8+, Node 20+, npm) and, with --browser, installs
# Debian's Chromium for the browser tests, Debian's headless LibreOffice Calc (`soffice`, for
# PayoutExportsLibreOfficeTest: the 1C:ZUP file must convert in LibreOffice) and Debian's
# poppler-utils (`pdftotext`, for RegulationsRenderingPdfTest: the regulations PDF's text must
# extract as the HTML view's) when they are missing (needs root). Nothing here downloads a JDK, a
# node binary, a browser or an office build of its own.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

need() { command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed: $2"; }
need java "install a JDK 17 (Debian: openjdk-17-jdk-headless)"
need mvn "install Maven 3.8+ (Debian: maven)"
need node "install Node.js 20+"
need npm "install npm"
need curl "install curl"

java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
[ "${java_major%%.*}" -ge 17 ] || fail "Java 17 or newer is needed (found $java_major)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "Node.js 20 or newer is needed (found $(node -v))"

if [ "${1:-}" = "--browser" ]; then
  chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$chromium_path" ]; then
    [ "$(id -u)" = 0 ] || fail "Chromium is missing at $chromium_path; install Debian's chromium (root needed)"
    say "installing Debian's chromium for the browser tests (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  "$chromium_path" --version >/dev/null 2>&1 || fail "Chromium at $chromium_path does not run"

  # headless Calc: libreoffice-calc-nogui (no X11/GTK dependencies); libreoffice-calc where the
  # distribution has no -nogui flavour
  if ! command -v soffice >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || fail "LibreOffice (soffice) is missing; install Debian's libreoffice-calc-nogui (root needed)"
    say "installing Debian's headless LibreOffice Calc for the export tests (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc >/dev/null
  fi
  command -v soffice >/dev/null 2>&1 || fail "LibreOffice was installed but soffice is not on the PATH"

  # pdftotext: poppler's text extraction (poppler-utils, a few MB)
  if ! command -v pdftotext >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || fail "pdftotext is missing; install Debian's poppler-utils (root needed)"
    say "installing Debian's poppler-utils (pdftotext) for the regulations PDF tests (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
  fi
  command -v pdftotext >/dev/null 2>&1 || fail "poppler-utils was installed but pdftotext is not on the PATH"
fi
