#!/bin/sh
# System tools the tests use: Debian's chromium (browser tests of the page), a Japanese font for
# screenshots, raptor2-utils (rapper, an independent RDF parser) and virtuoso-opensource (a second
# SPARQL store: tests/virtuoso.py starts it on a scratch database). Skips what is present.
set -e
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v rapper >/dev/null 2>&1 || need="$need raptor2-utils"
command -v virtuoso-t >/dev/null 2>&1 || need="$need virtuoso-opensource"
[ -e /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || need="$need fonts-ipafont-gothic"
[ -z "$need" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
