#!/bin/sh
# Suite i18n: po/POTFILES.in lists exactly the files that hold translatable
# strings, sorted, and every listed file exists.
#
#   tests/check-potfiles.sh SOURCE_ROOT
set -eu
cd "$1"

listed=$(mktemp); found=$(mktemp)
trap 'rm -f "$listed" "$found"' EXIT

grep -v '^#' po/POTFILES.in | sed '/^$/d' > "$listed"

status=0
if ! LC_ALL=C sort -c "$listed" 2>/dev/null; then
  echo "po/POTFILES.in is not sorted (LC_ALL=C sort)" >&2
  status=1
fi

while read -r f; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists a missing file: $f" >&2; status=1; }
done < "$listed"

{
  # C: gettext macros.
  git ls-files -co --exclude-standard -- 'src/*.c' 'src/*.h' 2>/dev/null ||
    find src -name '*.[ch]'
} | sort -u | while read -r f; do
  [ -f "$f" ] || continue
  if grep -qE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|ngettext)[[:space:]]*\(' "$f"; then
    echo "$f"
  fi
done > "$found"

{ git ls-files -co --exclude-standard -- 'src/*.ui' 2>/dev/null || find src -name '*.ui'; } |
  sort -u | while read -r f; do
    [ -f "$f" ] && grep -q 'translatable="yes"' "$f" && echo "$f"
  done >> "$found"

for f in data/*.desktop.in.in data/*.desktop.in data/*.metainfo.xml.in.in data/*.metainfo.xml.in data/*.gschema.xml; do
  [ -f "$f" ] && echo "$f"
done >> "$found"

LC_ALL=C sort -u -o "$found" "$found"

missing=$(LC_ALL=C comm -13 "$listed" "$found")
extra=$(LC_ALL=C comm -23 "$listed" "$found")
if [ -n "$missing" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:" >&2
  echo "$missing" >&2
  status=1
fi
if [ -n "$extra" ]; then
  echo "Files in po/POTFILES.in without translatable strings:" >&2
  echo "$extra" >&2
  status=1
fi

[ $status -eq 0 ] && echo "po/POTFILES.in lists the $(wc -l < "$listed") files with translatable strings"
exit $status
