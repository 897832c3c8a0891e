#!/bin/sh
# Install what is missing, build Tunnels and run every test suite.
#
#   build-aux/run-tests.sh [MESON TEST ARGS…]     e.g. --suite gui
#
# The build directory is build/; results are in build/meson-logs/.
set -eu
cd "$(dirname "$0")/.."

build-aux/build.sh -Dtest_tools=enabled

# Two at a time: the machine floor is two cores.
meson test -C build --num-processes 2 --print-errorlogs "$@"
