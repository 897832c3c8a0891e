#!/bin/sh
# Install what is missing, build Tunnels and run every test suite.
#
#   build-aux/run-tests.sh [MESON TEST ARGS…]     e.g. --suite gui
#
# The build directory is build/; results are in build/meson-logs/.
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh

setup_args="-Dwerror=true -Dtest_tools=enabled"
if [ -f build/build.ninja ]; then
  # shellcheck disable=SC2086
  meson setup --reconfigure build $setup_args >/dev/null
else
  # shellcheck disable=SC2086
  meson setup build $setup_args
fi
meson compile -C build

# Two at a time: the machine floor is two cores.
meson test -C build --num-processes 2 --print-errorlogs "$@"
