#!/bin/sh
# Install what is missing, build Tunnels and start it, uninstalled, from
# the build directory.
#
#   build-aux/run-sandbox.sh [TUNNELS ARGS…]
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh --run

setup_args="-Dwerror=true"
if [ -f build/build.ninja ]; then
  # shellcheck disable=SC2086
  meson setup --reconfigure build $setup_args >/dev/null
else
  # shellcheck disable=SC2086
  meson setup build $setup_args
fi
meson compile -C build

export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
exec build/src/tunnels "$@"
