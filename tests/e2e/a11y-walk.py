#!/usr/bin/python3
"""Suite e2e: every control of every window and dialog has an accessible name.

    a11y-walk.py TUNNELS LOCALEDIR SCREENSHOT_DIR

Starts the real Tunnels on the sandbox cloud (tunnels --sandbox) and,
only through the accessibility tree and the X keyboard and pointer,
opens each window, dialog and menu a user can reach that the round trip
of e2e-flow.py does not meet, and walks its tree: a control a screen
reader would announce as its toolkit type ("GtkButton") or as nothing
fails the test. Every dialog is left with Cancel or Close, so nothing
changes in the cloud. A screenshot of each is kept:
SCREENSHOT_DIR/a11y-LANG-NN-STEP.png.

Run under build-aux/headless-run.sh (Xvfb, private D-Bus, AT-SPI bus,
unlocked gnome-keyring).
"""
import os
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tndriver import (App, Failure, User, actions, click, find, find_all, plain,  # noqa: E402
                      pointer_to, press, safe, type_text, wait_until)

R = pyatspi


class Walk(User):
    def __init__(self, exe, localedir, shots):
        super().__init__(exe, localedir, shots, 'a11y')

    def other_window(self, pred, what):
        return self.app.window(lambda w: w != self.main and w.getState().contains(R.STATE_SHOWING) and
                               pred(w), what)

    def menu(self, button_label, item_label, walk_as=None):
        """Opens a menu button's menu, walks it, activates one item. The
        menu (a popover) is in the tree below its button, where the item
        is looked for: a hidden page's button of the same name elsewhere
        is in the tree too (GTK 4.8 reports no "showing" below windows)."""
        target = self.T(item_label)
        roles = (R.ROLE_MENU_ITEM, R.ROLE_PUSH_BUTTON, R.ROLE_CHECK_MENU_ITEM)

        def item_below(button):
            for root in (button, safe(lambda: button.parent)):
                for role in roles:
                    for acc in find_all(root, role, target) if root is not None else []:
                        if any(a in ('click', 'activate') for a in actions(acc)):
                            return acc
            return None
        acc = None
        for button in find_all(self.main, R.ROLE_PUSH_BUTTON, self.T(button_label)) + \
                find_all(self.main, R.ROLE_TOGGLE_BUTTON, self.T(button_label)):
            if 'click' not in actions(button) and 'toggle' not in actions(button):
                continue
            click(button)
            acc = safe(lambda: wait_until(lambda: item_below(button), 'the menu', timeout=2))
            if acc is not None:
                break
            press('Escape')
        if acc is None:
            raise Failure(f'no “{plain(self.T(button_label))}” opens a menu with “{plain(target)}”')
        if walk_as:
            self.check_names(self.main, walk_as)
            self.step(walk_as.split()[-1])
        click(acc)

    def close_with(self, win, label, what):
        self.press_button(win, self.T(label))
        self.app.window_gone(win, what)

    def close_window(self, win, what):
        """The window's own Close button in its header bar (a hidden
        page's header bar has one too: each is tried)."""
        for close in find_all(win, R.ROLE_PUSH_BUTTON, self.T('Close')):
            if 'click' not in actions(close):
                continue
            click(close)
            if safe(lambda: self.app.window_gone(win, what, timeout=2) or True):
                return
        raise Failure(f'no Close button closes {what}')

    # -- the windows -----------------------------------------------------

    def start(self):
        self.app = App(self.exe, ['--sandbox'], screenshots=self.shots, prefix=self.prefix)
        self.main = self.app.window(lambda w: w.getRole() == R.ROLE_FRAME, 'the main window')
        pointer_to(400, 300)
        wait_until(lambda: find(self.main, R.ROLE_LABEL, pred=lambda a: a.name == 'demo-vpn'),
                   'the sandbox’s VPN service in the list', timeout=30)
        self.check_names(self.main, 'the main window')
        self.step('main')

    def primary_menu(self):
        self.menu('Main Menu', '_Keyboard Shortcuts', walk_as='the main menu')
        shortcuts = self.other_window(lambda w: find(w, R.ROLE_LABEL, self.T('IPsec VPN Connections')),
                                      'the Keyboard Shortcuts window')
        self.check_names(shortcuts, 'the Keyboard Shortcuts window')
        self.step('shortcuts')
        self.close_window(shortcuts, 'the Keyboard Shortcuts window')

        self.menu('Main Menu', '_About Tunnels')
        about = self.other_window(lambda w: find(w, R.ROLE_LABEL, 'Tunnels'), 'the About window')
        self.check_names(about, 'the About window')
        self.step('about')
        self.close_window(about, 'the About window')

    def account_dialogs(self):
        self.menu('Main Menu', '_Add Account…')
        dialog = self.new_window(self.T('Add Account'))
        self.check_names(dialog, 'the Add Account dialog')
        self.step('add-account')
        self.close_with(dialog, '_Cancel', 'the Add Account dialog')

        # (The Sandbox account has nothing to edit: Edit Account is off;
        # the Add Account dialog is the one an edit opens.)
        self.menu('Switch Account', '_Remove Account…', walk_as='the account switcher')
        heading = self.T('Remove “%s”?').split('%s')[0]
        dialog = self.message_dialog(heading)
        self.check_names(dialog, 'the Remove Account confirmation')
        self.step('remove-account')
        self.close_with(dialog, '_Cancel', 'the Remove Account confirmation')

    def editors(self):
        """New and Edit of each kind; Cancel each."""
        for number, section, kind, row in ((1, 'VPN Services', 'service', 'demo-vpn'),
                                           (3, 'IKE Policies', 'ike', None),
                                           (4, 'IPsec Policies', 'ipsec', None)):
            self.section(number, section)
            self.press_button(self.main, self.T('New'))
            title = self.T('New %s') % self.singular(kind)
            form = self.new_window(title)
            self.check_names(form, f'the form “{title}”')
            self.step(f'new-{kind}')
            self.close_with(form, '_Cancel', f'the form “{title}”')

            if row is None:
                row = self.first_row_name(section)
            self.row_menu(row, '_Edit…')
            title = self.T('Edit %s') % self.singular(kind)
            form = self.new_window(title)
            self.check_names(form, f'the form “{title}”')
            self.step(f'edit-{kind}')
            self.close_with(form, '_Cancel', f'the form “{title}”')

    def first_row_name(self, section):
        """The name in the first row of a section's table."""
        def look():
            table = find(self.main, R.ROLE_TREE_TABLE, self.T(section)) or \
                find(self.main, R.ROLE_TABLE, self.T(section))
            cell = table and find(table, R.ROLE_TABLE_CELL)
            label = cell and find(cell, R.ROLE_LABEL)
            return label.name if label is not None and label.name else None
        return wait_until(look, f'a row in the list “{section}”')

    def keyboard(self):
        """The main actions from the keyboard alone, with real X key
        events: a section (Ctrl+3), a new item (Ctrl+N) and Escape, the
        search (Ctrl+F) filtering as it is typed and Escape ending it, the
        Keyboard Shortcuts window (Ctrl+?) and Escape."""
        self.section(3, 'IKE Policies')
        name = self.first_row_name('IKE Policies')

        press('ctrl+n')
        title = self.T('New %s') % self.singular('ike')
        form = self.new_window(title)
        press('Escape')
        self.app.window_gone(form, f'the form “{title}”, with Escape')

        pointer_to(400, 300)
        press('ctrl+f')
        wait_until(lambda: find(self.main, R.ROLE_ENTRY, self.T('Search'),
                                pred=lambda a: a.getState().contains(R.STATE_FOCUSED)),
                   'the search entry focused by Ctrl+F')
        type_text('no-such-policy')
        self.row_gone(name)
        press('Escape')
        self.row(name)
        self.tap.ok(True, 'Ctrl+N, Escape and Ctrl+F work from the keyboard; the search filters as typed')

        pointer_to(400, 300)
        press('ctrl+question')
        shortcuts = self.other_window(lambda w: find(w, R.ROLE_LABEL, self.T('IPsec VPN Connections')),
                                      'the Keyboard Shortcuts window (Ctrl+?)')
        press('Escape')
        self.app.window_gone(shortcuts, 'the Keyboard Shortcuts window, with Escape')
        self.tap.ok(True, 'Ctrl+? opens the Keyboard Shortcuts window and Escape closes it')

    def connection_dialogs(self):
        self.section(2, 'IPsec VPN Connections')
        self.row_menu('branch-office', '_Delete…')
        dialog = self.message_dialog(self.T('Delete “%s”?') % 'branch-office')
        self.check_names(dialog, 'the delete confirmation')
        self.step('delete-confirmation')
        self.close_with(dialog, '_Cancel', 'the delete confirmation')
        self.row('branch-office')

        self.row_menu('branch-office', '_Open')
        self.press_button(self.main, self.T('E_xport…'))
        export = self.new_window(self.T('Export Peer Configuration'))
        self.check_names(export, 'the Export dialog')
        self.step('export')
        self.close_window(export, 'the Export dialog')
        self.check_names(self.main, 'a connection’s page')
        self.step('connection-page')

    def assistant_discard(self):
        self.section(2, 'IPsec VPN Connections')
        self.press_button(self.main, self.T('New'))
        win = self.new_window(self.T('New IPsec VPN Connection'))
        self.type_into(win, self.T('Name'), 'to-be-discarded')
        self.press_button(win, self.T('_Cancel'))
        dialog = self.message_dialog(self.T('Discard the New Connection?'))
        self.check_names(dialog, 'the Discard confirmation')
        self.step('discard')
        self.press_button(dialog, self.T('_Discard'))
        self.app.window_gone(win, 'the assistant')

    def run(self):
        return super().run([
            self.start,
            self.primary_menu,
            self.account_dialogs,
            self.editors,
            self.keyboard,
            self.connection_dialogs,
            self.assistant_discard,
        ])


if __name__ == '__main__':
    t0 = time.monotonic()
    status = Walk(sys.argv[1], sys.argv[2], sys.argv[3]).run()
    print(f'# {time.monotonic() - t0:.1f} s', flush=True)
    sys.exit(status)
