#!/bin/sh
# Install what is missing, build Tunnels and run every test suite.
#
#   build-aux/run-tests.sh [MESON TEST ARGS…]     e.g. --suite gui
#
# The build directory is build/; results are in build/meson-logs/.
set -eu
cd "$(dirname "$0")/.."

build-aux/build.sh -Dtest_tools=enabled

# The differential test (sandbox against the real Neutron) stays out of the
# default run while tests/integration/SANDBOX-DIFFERENCES.md lists
# differences; `--suite integration` or `--suite differential` runs it.
if [ $# -eq 0 ]; then
  set -- --no-suite differential
fi

# Two at a time: the machine floor is two cores.
meson test -C build --num-processes 2 --print-errorlogs "$@"
