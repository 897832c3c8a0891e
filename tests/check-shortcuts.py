#!/usr/bin/python3
"""Suite data: every keyboard shortcut Tunnels binds is in its
Keyboard Shortcuts window.

    check-shortcuts.py SRCDIR

Reads each gtk_widget_class_add_binding_action() and
gtk_application_set_accels_for_action() in SRCDIR/src and each
accelerator (or action-name) of SRCDIR/src/gui/tn-shortcuts-window.ui, and
fails, naming the file and line, for a binding the window does not list.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

MODS = {'GDK_CONTROL_MASK': '<Control>', 'GDK_SHIFT_MASK': '<Shift>', 'GDK_ALT_MASK': '<Alt>',
        'GDK_SUPER_MASK': '<Super>'}
BINDING = re.compile(r'gtk_widget_class_add_binding_action\s*\(\s*\w+\s*,\s*GDK_KEY_(\w+)(\s*\+\s*i)?\s*,'
                     r'\s*([\w|\s]+?)\s*,\s*"([\w.-]+)"')
ACCELS = re.compile(r'static const char \*(\w+)\[\]\s*=\s*\{([^}]*)\}')
SET_ACCELS = re.compile(r'gtk_application_set_accels_for_action\s*\([^,]+,\s*"([\w.-]+)"\s*,\s*(\w+)\s*\)')


def normalize(accel):
    """"<Control>n" and "<Primary>N" alike."""
    accel = accel.replace('<Primary>', '<Control>').replace('<Ctrl>', '<Control>')
    mods = re.findall(r'<\w+>', accel)
    key = re.sub(r'<\w+>', '', accel)
    if len(key) == 1:
        key = key.lower()
    return ''.join(sorted(mods)) + key


def main():
    src = sys.argv[1]
    overlay = ET.parse(os.path.join(src, 'src/gui/tn-shortcuts-window.ui'))
    listed = set()
    listed_actions = set()
    for obj in overlay.iter('object'):
        if obj.get('class') != 'GtkShortcutsShortcut':
            continue
        for prop in obj.findall('property'):
            if prop.get('name') == 'accelerator':
                listed.update(normalize(a) for a in prop.text.split())
            elif prop.get('name') == 'action-name':
                listed_actions.add(prop.text)

    bound = []   # (where, accelerator, action)
    for root, _, files in os.walk(os.path.join(src, 'src')):
        for name in sorted(files):
            if not name.endswith('.c'):
                continue
            path = os.path.join(root, name)
            text = open(path, encoding='utf-8').read()
            rel = os.path.relpath(path, src)
            for m in BINDING.finditer(text):
                line = text.count('\n', 0, m.start()) + 1
                key, loop, mods, action = m.group(1), m.group(2), m.group(3), m.group(4)
                prefix = ''.join(MODS.get(part.strip(), '') for part in mods.split('|') if part.strip() != '0')
                if loop:
                    # A loop over the sections: GDK_KEY_1 + i, one per section.
                    count = len(re.findall(r'\{ "[\w-]+", N_\(', text))
                    keys = [str(int(key) + i) for i in range(count)]
                else:
                    keys = [key]
                for k in keys:
                    bound.append((f'{rel}:{line}', normalize(prefix + k), action))
            arrays = {m.group(1): re.findall(r'"([^"]+)"', m.group(2)) for m in ACCELS.finditer(text)}
            for m in SET_ACCELS.finditer(text):
                line = text.count('\n', 0, m.start()) + 1
                for accel in arrays.get(m.group(2), []):
                    bound.append((f'{rel}:{line}', normalize(accel), m.group(1)))

    print(f'1..{len(bound) + 1}')
    n = 0
    failed = 0
    n += 1
    ok = len(bound) >= 20
    print(('ok' if ok else 'not ok') + f' {n} the bindings are found in the sources ({len(bound)})')
    failed += not ok
    for where, accel, action in bound:
        n += 1
        ok = accel in listed or (action in listed_actions)
        print(('ok' if ok else 'not ok') + f' {n} {accel} ({action}, {where}) is in the Keyboard Shortcuts window')
        failed += not ok
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
