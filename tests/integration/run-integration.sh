#!/bin/bash
# The integration suite as one TAP test: install what is missing, start a
# real Keystone + neutron-server with VPNaaS (cloud-fixture.sh), run the
# checks against it, stop it (also on failure or timeout).
#
#   run-integration.sh LOGDIR [--differential SCRIPT --sandbox EXE] [--cloud-test EXE]
#
# Every check's TAP lines are renumbered into one stream, so the counts of
# the differential test (one line per request) and of the C test are seen.
# Server logs stay in LOGDIR (their tails are printed on failure).
# TUNNELS_FIXTURE_DIR=DIR keeps the cloud's directory for debugging
# (it must not exist or be empty); otherwise it is a temporary one.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fixture=$here/cloud-fixture.sh

now () { date +%s.%N; }
since () { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# renumber NAME COMMAND…: run COMMAND and pass its TAP on with our numbers.
renumber () {
  local name=$1 out status
  shift
  out=$(mktemp)
  # In the background, so that bash reports no crash on our stdout.
  "$@" >"$out" 2>&1 &
  wait $!
  status=$?
  awk -v n="$(cat "$counter")" -v name="$name" -v count="$counter" '
    /^(not )?ok [0-9]+/ {
      neg = /^not /
      failed += neg
      rest = $0
      sub(/^(not )?ok [0-9]+ ?-? ?/, "", rest)
      n++
      printf "%sok %d - %s: %s\n", (neg ? "not " : ""), n, name, rest
      next
    }
    /^1\.\.[0-9]+/ { next }
    /^#/ || /^$/ { print; next }
    { print "# " $0 }
    END { print n > count; print failed + 0 > (count ".failed") }
  ' "$out"
  rm -f "$out"
  # A check that failed without saying which test (a crash, an abort)
  # still counts as one failure.
  if [ $status -ne 0 ] && [ "$(cat "$counter.failed")" -eq 0 ]; then
    n=$(($(cat "$counter") + 1))
    echo "$n" > "$counter"
    echo "not ok $n - $name: exited with status $status"
  fi
  return $status
}

if [ "${1:-}" = --inner ]; then
  # Inside the fixture: TN_REAL_* describe the running cloud.
  shift
  counter=$1; shift
  differential="" sandbox="" cloud_test="" status=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --differential) differential=$2; shift 2 ;;
      --sandbox) sandbox=$2; shift 2 ;;
      --cloud-test) cloud_test=$2; shift 2 ;;
      *) echo "# unknown argument $1"; exit 2 ;;
    esac
  done
  if [ -n "$differential" ]; then
    t=$(now)
    renumber differential /usr/bin/python3 "$differential" --tap --sandbox-exe "$sandbox" \
      --report "$LOGDIR/differences.json" || status=1
    echo "# differential test: $(since "$t") s"
  fi
  if [ -n "$cloud_test" ]; then
    t=$(now)
    renumber real-cloud "$cloud_test" --tap || status=1
    echo "# C integration test: $(since "$t") s"
  fi
  exit $status
fi

[ $# -ge 1 ] || { echo "usage: $0 LOGDIR [--differential SCRIPT --sandbox EXE] [--cloud-test EXE]" >&2; exit 2; }
LOGDIR=$1; shift
export LOGDIR
t0=$(now)
rm -rf "$LOGDIR"
mkdir -p "$LOGDIR"

t=$(now)
"$fixture" install > "$LOGDIR/install.log" 2>&1
status=$?
sed 's/^/# /' "$LOGDIR/install.log" | grep -E '^# (fixture:|Installing|E:)' || true
if [ $status -eq 77 ]; then
  echo "1..0 # SKIP the OpenStack packages are missing and this is not root"
  exit 0
elif [ $status -ne 0 ]; then
  sed 's/^/# /' "$LOGDIR/install.log" | tail -n 30
  echo "1..1"
  echo "not ok 1 - installing keystone, neutron-server, neutron-vpnaas and mariadb"
  exit 1
fi
echo "# install step: $(since "$t") s"

counter=$(mktemp)
echo 0 > "$counter"
if [ -n "${TUNNELS_FIXTURE_DIR:-}" ]; then
  dir=$TUNNELS_FIXTURE_DIR
  trap 'rm -f "$counter" "$counter.failed"' EXIT
else
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/tunnels-cloud.XXXXXX")
  dir=$tmp/cloud
  trap 'rm -f "$counter" "$counter.failed"; rm -rf "$tmp"' EXIT
fi
trap 'exit 143' TERM
trap 'exit 130' INT

# The fixture reports on stderr as TAP comments; the checks' TAP comes back
# renumbered on stdout.
"$fixture" run "$dir" "$LOGDIR" -- "$0" --inner "$counter" "$@" 2>&1
status=$?
n=$(cat "$counter")
if [ "$n" -eq 0 ]; then
  n=1
  echo "not ok 1 - the cloud fixture started and ran the checks (status $status)"
  status=1
fi
echo "1..$n"
echo "# integration suite: $(since "$t0") s"
exit $status
