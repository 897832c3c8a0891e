#!/bin/sh
# Install the Debian 12 packages Tunnels needs to build, run and test.
#
# Idempotent: only packages that are missing are installed, and
# `apt-get update` runs only when something must be installed.
#
#   build-aux/install-deps.sh            build + test dependencies
#   build-aux/install-deps.sh --run      only what building and running needs
set -eu

BUILD="gcc libc6-dev pkg-config meson ninja-build gettext
libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev
libjson-glib-dev libsecret-1-dev libglib-testing-0-dev glib-networking
desktop-file-utils appstream gnome-keyring dbus-daemon dbus-x11 locales"

TEST="xvfb xauth fonts-noto-cjk fonts-cantarell adwaita-icon-theme
python3-pyatspi at-spi2-core imagemagick x11-apps xdotool
flatpak-builder jq python3-openstackclient python3-neutronclient
strongswan-starter strongswan-swanctl charon-systemd libcharon-extra-plugins
libstrongswan-standard-plugins python3-neutron-vpnaas iproute2 iputils-ping"

case "${1:-}" in
  --run) WANT="$BUILD" ;;
  "")    WANT="$BUILD $TEST" ;;
  *) echo "usage: $0 [--run]" >&2; exit 2 ;;
esac

missing=""
for pkg in $WANT; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing="$missing $pkg"
done

if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Tunnels needs these Debian packages:$missing" >&2
    echo "Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$missing" >&2
    exit 1
  fi
  echo "Installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -q
  # shellcheck disable=SC2086
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends $missing
fi

# The Japanese locale, for running (and testing) the app in Japanese.
if ! locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
  if [ "$(id -u)" -eq 0 ]; then
    localedef -i ja_JP -f UTF-8 ja_JP.UTF-8
  else
    echo "Optional: sudo localedef -i ja_JP -f UTF-8 ja_JP.UTF-8 (to run Tunnels in Japanese)" >&2
  fi
fi
