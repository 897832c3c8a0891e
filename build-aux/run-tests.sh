#!/bin/sh
# Install what is missing, build Tunnels and run every test suite.
#
#   build-aux/run-tests.sh                       everything, then the cloud,
#                                                sandbox and unit suites again
#                                                under AddressSanitizer and UBSan
#   build-aux/run-tests.sh [MESON TEST ARGS…]    e.g. --suite gui; no sanitizer run
#
# The build directory is build/ (results in build/meson-logs/); the
# sanitizer build is build-asan/.
set -eu
cd "$(dirname "$0")/.."

build-aux/build.sh -Dtest_tools=enabled

everything=false
if [ $# -eq 0 ]; then
  everything=true
fi

# Two at a time: the machine floor is two cores.
status=0
meson test -C build --num-processes 2 --print-errorlogs "$@" || status=$?

if $everything; then
  if [ -f build-asan/build.ninja ]; then
    meson setup --reconfigure build-asan >/dev/null
  else
    meson setup build-asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
      -Dtest_tools=enabled >/dev/null
  fi
  meson compile -C build-asan
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    meson test -C build-asan --num-processes 2 --print-errorlogs \
      --suite cloud --suite sandbox --suite unit || status=$?
fi

exit $status
