#!/bin/sh
# Copy the README's and the metainfo's screenshots from the last run of
# suite e2e (the real app driven through the accessibility tree against
# the sandbox cloud) into data/screenshots/.
#
#   meson test -C build --suite e2e && build-aux/update-screenshots.sh
set -eu
cd "$(dirname "$0")/.."

shots=build/tests/screenshots
copy () {
  [ -f "$shots/$1" ] || { echo "update-screenshots: $shots/$1 is missing: run suite e2e first" >&2; exit 1; }
  cp "$shots/$1" "data/screenshots/$2"
}

copy e2e-en-03-connections.png main-window.png
copy e2e-en-13-connection-page.png connection-detail.png
copy e2e-en-12-step4-review.png assistant.png
copy e2e-ja-03-connections.png main-window-ja.png
copy a11y-ja-05-add-account.png account-dialog-ja.png
copy a11y-en-15-export.png export-dialog.png
