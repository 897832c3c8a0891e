#!/usr/bin/python3
"""Suite i18n: the Japanese translation uses the portal's terms (SPEC §8).

    tests/check-glossary.py GLOSSARY PO
"""
import re
import sys


def read_po(path):
    """(msgctxt, msgid, msgstr) of every translated, non-obsolete entry."""
    entries = []
    field = None
    cur = {}

    def flush():
        if cur.get('msgid'):
            entries.append((cur.get('msgctxt', ''), cur['msgid'], cur.get('msgstr', '')))

    def unescape(s):
        return s.replace('\\"', '"').replace('\\n', '\n').replace('\\\\', '\\')

    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('#~'):
            continue
        m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[0\])?) "(.*)"$', line)
        if m:
            key = m.group(1)
            if key == 'msgctxt' or (key == 'msgid' and 'msgctxt' not in cur):
                if key == 'msgctxt' or cur.get('msgid') is not None:
                    flush()
                    cur = {}
            if key.startswith('msgstr'):
                key = 'msgstr'
            field = key
            cur[field] = cur.get(field, '') + unescape(m.group(2))
        elif line.startswith('"') and field:
            cur[field] += unescape(line[1:-1])
        elif not line.strip():
            flush()
            cur = {}
            field = None
    flush()
    return entries


def normalize(text):
    text = text.replace('_', '').strip()
    return re.sub(r'(:|…|\.\.\.)$', '', text).strip()


def main():
    glossary, po = sys.argv[1], sys.argv[2]
    rules = []
    for line in open(glossary, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        pattern, japanese = line.split('\t')
        rules.append((pattern, japanese))

    entries = read_po(po)
    failures = 0
    checked = 0
    for pattern, japanese in rules:
        for ctxt, msgid, msgstr in entries:
            if pattern.startswith('exact:'):
                hit = normalize(msgid).lower() == pattern[6:].lower()
            else:
                hit = re.search(pattern, msgid, re.IGNORECASE) is not None
            if not hit:
                continue
            checked += 1
            if japanese not in msgstr:
                failures += 1
                print(f'“{msgid}” → “{msgstr}” does not use “{japanese}”', file=sys.stderr)

    print(f'{checked} translations checked against {len(rules)} glossary terms, {failures} wrong')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
