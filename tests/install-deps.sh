#!/usr/bin/env bash
# Installs every Debian 12 package the build, the demo and the test suite
# need (run as root on a fresh machine; a no-op when all are present).
# chromium: docs.figure.browser opens the walkthrough's figures in it.
# clang-format: shape.format checks the layout .clang-format writes down.
set -euo pipefail
pkgs=(
  build-essential g++ cmake ninja-build pkg-config
  llvm-14-dev libboost-program-options-dev googletest libgtest-dev
  binutils lld mold gdb python3 clang clang-format
  zlib1g-dev libzstd-dev libncurses-dev libsqlite3-dev liblua5.4-dev
  help2man man-db dpkg-dev
  sqlite3 lua5.4 perl git
  chromium
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
