#!/bin/sh
# Run a command as a test under a private, headless desktop session:
# a virtual X server (Xvfb), a private D-Bus session bus, an unlocked
# gnome-keyring-daemon and temporary XDG directories. Nothing of the
# user's own session (keyring, settings, files) is touched.
#
#   build-aux/headless-run.sh COMMAND [ARG…]
#
# Set HEADLESS_RUN_NO_KEYRING=1 to run without any secret service on the bus.
set -eu

if [ "${HEADLESS_RUN_INNER:-}" != 1 ]; then
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/tunnels-test.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT INT TERM
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
  status=0
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
    dbus-run-session -- "$0" "$@" || status=$?
  exit $status
fi

if [ "${HEADLESS_RUN_NO_KEYRING:-}" != 1 ]; then
  # A newline, not an empty stdin: with zero bytes no login keyring is
  # created and libsecret then waits for a prompt forever.
  printf '\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
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
fi

exec "$@"
