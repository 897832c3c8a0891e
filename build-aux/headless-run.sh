#!/bin/sh
# Run a command as a test under a private, headless desktop session:
# a virtual X server (Xvfb), a private D-Bus session bus, an unlocked
# gnome-keyring-daemon and temporary XDG directories. Nothing of the
# user's own session (keyring, settings, files) is touched.
#
#   build-aux/headless-run.sh COMMAND [ARG…]
#
# HEADLESS_RUN_KEYRING chooses the keyring the command meets:
#   unlocked (default)  gnome-keyring-daemon with an unlocked login keyring
#   locked              gnome-keyring-daemon without an unlocked keyring, and
#                       no display (no X server) for a prompt
#   none                no secret service on the bus at all (and no D-Bus
#                       activation of one), so no prompt can appear either
set -eu

keyring=${HEADLESS_RUN_KEYRING:-unlocked}
case "$keyring" in
  unlocked|locked|none) ;;
  *) echo "headless-run: HEADLESS_RUN_KEYRING must be unlocked, locked or none" >&2; exit 2 ;;
esac

if [ "${HEADLESS_RUN_INNER:-}" != 1 ]; then
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/tunnels-test.XXXXXX")
  xvfb_pid=""
  cleanup () {
    [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$tmp"
  }
  trap cleanup EXIT INT TERM
  mkdir -p "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
  chmod 700 "$tmp/runtime"
  # Exported before dbus-run-session: services the bus starts inherit
  # the bus's environment, not the client's.
  export XDG_DATA_HOME="$tmp/data"
  export XDG_CONFIG_HOME="$tmp/config"
  export XDG_CACHE_HOME="$tmp/cache"
  export XDG_RUNTIME_DIR="$tmp/runtime"
  export HOME="$tmp"
  export HEADLESS_RUN_INNER=1
  export HEADLESS_RUN_TMPDIR="$tmp"
  unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY
  bus_args=""
  if [ "$keyring" = none ]; then
    # A session bus that activates nothing: no keyring can be started.
    cat > "$tmp/session.conf" <<EOC
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=$tmp/runtime</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOC
    bus_args="--config-file=$tmp/session.conf"
  fi
  if [ "$keyring" != locked ]; then
    # Each run starts looking for a free display at a number of its own,
    # far from the :99 upwards of xvfb-run -a
    # (a server that is shutting down can still remove the socket of a
    # new one on the same number); Xvfb takes a display atomically by its
    # lock file and writes the number once it is ready (-displayfd).
    # Without a display (locked), no service the bus starts can show a
    # keyring prompt that would wait forever. -noreset: the server must
    # not reset when its last client leaves (the AT-SPI launcher connects
    # and leaves first), or a client connecting then is refused.
    n=$(( $$ % 5000 + 1000 ))
    last=$((n + 50))
    while :; do
      : > "$tmp/display"
      Xvfb ":$n" -displayfd 4 -screen 0 1280x800x24 -nolisten tcp -noreset \
        4>"$tmp/display" 2>"$tmp/xvfb.log" &
      xvfb_pid=$!
      while [ ! -s "$tmp/display" ] && kill -0 "$xvfb_pid" 2>/dev/null; do
        sleep 0.02
      done
      [ -s "$tmp/display" ] && break
      wait "$xvfb_pid" 2>/dev/null || true
      xvfb_pid=""
      n=$((n + 1))
      if [ $n -gt $last ]; then
        echo "headless-run: Xvfb did not start" >&2
        cat "$tmp/xvfb.log" >&2
        exit 1
      fi
    done
    export DISPLAY=":$(head -n 1 "$tmp/display")"
  fi
  # The bus and the services it starts write to stderr; the command gets
  # this script's stdout back (fd 3), so its TAP output stays clean.
  status=0
  # shellcheck disable=SC2086
  dbus-run-session $bus_args -- "$0" "$@" 3>&1 1>&2 || status=$?
  exit $status
fi

wait_for_keyring () {
  # --unlock returns before the daemon owns its name; asking too early
  # would make D-Bus start a second, locked daemon.
  tries=0
  until gdbus call --session --dest org.freedesktop.DBus \
          --object-path /org/freedesktop/DBus \
          --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets \
          2>/dev/null | grep -q true; do
    tries=$((tries + 1))
    if [ $tries -gt 200 ]; then
      echo "headless-run: the keyring did not start" >&2
      exit 1
    fi
    sleep 0.05
  done
}

case "$keyring" in
  unlocked)
    # A newline, not an empty stdin: with zero bytes no login keyring is
    # created and libsecret then waits for a prompt forever.
    printf '\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    wait_for_keyring
    ;;
  locked)
    # Nothing unlocks it, and without a display no prompt can appear.
    gnome-keyring-daemon --start --components=secrets </dev/null >/dev/null
    wait_for_keyring
    ;;
  none)
    ;;
esac

exec "$@" 1>&3 3>&-
