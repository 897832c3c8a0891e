#!/bin/sh
# Suite i18n: every translation is valid and complete against the strings
# in the sources right now (not only against the last generated template).
#
#   tests/check-po.sh PO_DIR
set -eu
podir=$(cd "$1" && pwd)
root=$(dirname "$podir")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same extraction as meson's i18n.gettext(preset: 'glib').
xgettext --package-name=tunnels --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --directory="$root" --files-from="$podir/POTFILES.in" \
  --output="$tmp/tunnels.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log" >&2; exit 1; }

status=0
for lang in $(grep -v '^#' "$podir/LINGUAS"); do
  po="$podir/$lang.po"
  msgfmt --check --output-file=/dev/null "$po" || { echo "$lang.po: msgfmt --check failed" >&2; status=1; continue; }
  msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" "$po" "$tmp/tunnels.pot"
  stats=$(msgfmt --statistics --output-file=/dev/null "$tmp/$lang.po" 2>&1)
  echo "$lang: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*)
      echo "$lang.po is not complete against the sources; missing:" >&2
      msgattrib --untranslated --only-fuzzy "$tmp/$lang.po" 2>/dev/null | grep -E '^msgid' >&2 || true
      msgattrib --untranslated "$tmp/$lang.po" | grep -E '^msgid' | grep -v '^msgid ""$' >&2 || true
      status=1
      ;;
  esac
  # Fuzzy entries in the committed file count too.
  if msgattrib --only-fuzzy "$po" | grep -q '^msgid "[^"]'; then
    echo "$lang.po has fuzzy entries" >&2
    status=1
  fi
done
exit $status
