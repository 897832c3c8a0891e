#!/bin/sh
# Install what is missing, then configure and build Tunnels in build/.
# The step both quick-start commands share.
#
#   build-aux/build.sh [--run] [MESON SETUP OPTIONS…]
#
# --run installs only what building and running needs, not the test tools.
set -eu
cd "$(dirname "$0")/.."

if [ "${1:-}" = --run ]; then
  shift
  build-aux/install-deps.sh --run
else
  build-aux/install-deps.sh
fi

if [ -f build/build.ninja ]; then
  meson setup --reconfigure build -Dwerror=true "$@" >/dev/null
else
  meson setup build -Dwerror=true "$@"
fi
meson compile -C build
