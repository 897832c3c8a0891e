#!/bin/sh
# Install what is missing, build Tunnels and start it, uninstalled, from
# the build directory.
#
#   build-aux/run-sandbox.sh [TUNNELS ARGS…]
set -eu
cd "$(dirname "$0")/.."

build-aux/build.sh --run

export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
export TUNNELS_LOCALEDIR="$PWD/build/po"
exec build/src/tunnels --sandbox "$@"
