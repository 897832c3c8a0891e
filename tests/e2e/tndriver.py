"""Drive the real Tunnels through the accessibility tree (AT-SPI).

Shared by the scripts of suite e2e. Everything here acts as a user or a
screen reader would: it finds controls by their accessible role and name,
activates them with their AT-SPI action ("click"), types with the X
keyboard (xdotool: AT-SPI's own key synthesis garbles non-ASCII text), and
takes screenshots of the X screen from outside the app. Nothing reaches
into the process.

The expected names come from the app's own message catalogue, the .mo
file built into the build directory, so one script runs in every language.
"""
import gettext
import os
import signal
import subprocess
import sys
import time

import pyatspi

R = pyatspi

# Roles a user acts on: each must have a name (not a type name such as
# "GtkButton").
INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_LINK,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_LIST_ITEM,
    pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE,
}
if hasattr(pyatspi, 'ROLE_SWITCH'):
    INTERACTIVE.add(pyatspi.ROLE_SWITCH)

TIMEOUT = float(os.environ.get('TN_E2E_TIMEOUT', '20'))


class Failure(Exception):
    pass


class Tap:
    """TAP output; a failed check stops the run (the next steps need it)."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, detail=''):
        self.n += 1
        print(('ok' if cond else 'not ok') + f' {self.n} {name}', flush=True)
        if not cond:
            self.failed += 1
            for line in (detail or '').splitlines():
                print(f'# {line}', flush=True)
        return cond

    def must(self, cond, name, detail=''):
        if not self.ok(cond, name, detail):
            raise Failure(name)
        return cond

    def note(self, text):
        print(f'# {text}', flush=True)


class Catalogue:
    """The app's translations, read from the built .mo files."""

    def __init__(self, localedir, language):
        self.language = language
        if language == 'en':
            self.t = gettext.NullTranslations()
        else:
            self.t = gettext.translation('tunnels', localedir=localedir, languages=[language])

    def __call__(self, msgid, context=None):
        if context:
            return self.t.pgettext(context, msgid)
        return self.t.gettext(msgid)


def plain(text):
    """A label as shown: without its mnemonic marks ("_Save", "更新(_S)")."""
    return (text or '').replace('_', '')


def name_matches(acc_name, label):
    """GTK 4.8 names a button with a mnemonic "LABEL SHOWN" ("_Save Save"),
    or "LABEL" and its row's title ("_Generate Generate a Strong Key")."""
    name = (acc_name or '').strip()
    p = plain(label)
    if name in (label, p, f'{label} {p}', f'{p} {p}'):
        return True
    return '_' in label and name.startswith(label + ' ')


def safe(fn, default=None):
    try:
        return fn()
    except Exception:
        return default


def wait_until(predicate, what, timeout=TIMEOUT, interval=0.05):
    """Polls predicate until it returns a true value; bounded."""
    deadline = time.monotonic() + timeout
    while True:
        value = safe(predicate)
        if value:
            return value
        if time.monotonic() > deadline:
            raise Failure(f'timed out after {timeout:.0f} s waiting for {what}')
        time.sleep(interval)


def children(acc):
    out = []
    for i in range(safe(lambda: acc.childCount, 0)):
        child = safe(lambda: acc.getChildAtIndex(i))
        if child is not None:
            out.append(child)
    return out


def descendants(acc, depth=0):
    if depth > 80:
        return
    for child in children(acc):
        yield child
        yield from descendants(child, depth + 1)


def find_all(root, role=None, label=None, pred=None):
    found = []
    for acc in descendants(root):
        if role is not None and safe(acc.getRole) != role:
            continue
        if label is not None and not name_matches(safe(lambda: acc.name), label):
            continue
        if pred is not None and not safe(lambda: pred(acc), False):
            continue
        found.append(acc)
    return found


def find(root, role=None, label=None, pred=None):
    for acc in find_all(root, role, label, pred):
        return acc
    return None


def actions(acc):
    try:
        ai = acc.queryAction()
    except NotImplementedError:
        return []
    return [ai.getName(i) for i in range(ai.nActions)]


def is_sensitive(acc):
    # GTK 4.8 never reports ENABLED; SENSITIVE is what it sets.
    return acc.getState().contains(pyatspi.STATE_SENSITIVE)


def click(acc):
    """The AT-SPI "click" of a button (a real activation, as Orca does)."""
    ai = acc.queryAction()
    for i in range(ai.nActions):
        if ai.getName(i) in ('click', 'activate', 'press', 'toggle'):
            if not ai.doAction(i):
                raise Failure(f'the action of “{acc.name}” was refused')
            return
    raise Failure(f'“{acc.name}” ({acc.getRoleName()}) has no click action: {actions(acc)}')


def clickable(root, role, label):
    """The innermost control with that name and an action (GTK 4.8 nests a
    menu button's real button inside it, both with the same name)."""
    for acc in find_all(root, role, label):
        if any(a in ('click', 'activate', 'press', 'toggle') for a in actions(acc)) and is_sensitive(acc):
            return acc
    return None


def text_of(acc):
    """An entry's text: GTK 4.8 answers '' to getText(0, -1), so ask by length."""
    t = acc.queryText()
    return t.getText(0, t.characterCount)


def describe(win, hide=lambda name: False):
    """The controls of a window and their states, for a failure's log;
    names for which hide() is true (a secret shown) are left out."""
    lines = []
    for acc in descendants(win):
        role = safe(acc.getRole)
        if role in INTERACTIVE or role == pyatspi.ROLE_LABEL:
            name = safe(lambda: acc.name) or ''
            if hide(name):
                lines.append(f'{safe(acc.getRoleName)} (a secret, not shown)')
                continue
            states = safe(lambda: acc.getState().getStates(), [])
            flags = ','.join(pyatspi.stateToString(st) for st in states
                             if st in (pyatspi.STATE_SENSITIVE, pyatspi.STATE_FOCUSED, pyatspi.STATE_SELECTED))
            lines.append(f'{safe(acc.getRoleName)} “{name}” [{flags}] {safe(lambda: actions(acc), [])}')
    return '\n'.join(lines)


def unnamed_controls(win):
    """Interactive controls a screen reader would announce as nothing or as
    their toolkit type."""
    problems = []

    def walk(acc, path, depth):
        if depth > 80:
            return
        role = safe(acc.getRole)
        name = (safe(lambda: acc.name) or '').strip()
        # What a user can reach: focusable, or with an action. (AdwComboRow
        # shows its current item in a list nobody can focus.)
        reachable = role in INTERACTIVE and (
            safe(lambda: acc.getState().contains(pyatspi.STATE_FOCUSABLE), False) or
            any(a in ('click', 'activate', 'press', 'toggle') for a in (safe(lambda: actions(acc)) or [])))
        if reachable:
            if not name or name.startswith(('Gtk', 'Adw')):
                # A list item is read by its content: a named label in it.
                labelled_child = role == pyatspi.ROLE_LIST_ITEM and any(
                    safe(c.getRole) == pyatspi.ROLE_LABEL and (safe(lambda: c.name) or '').strip() and
                    not c.name.startswith(('Gtk', 'Adw'))
                    for c in descendants(acc))
                if not labelled_child:
                    problems.append(f'{path} > {acc.getRoleName()} “{name}”')
        for i, child in enumerate(children(acc)):
            walk(child, f'{path} > {safe(acc.getRoleName)}[{i}]', depth + 1)

    walk(win, safe(lambda: win.name) or 'window', 0)
    return problems


class App:
    """The real tunnels process, its accessible application and windows."""

    def __init__(self, exe, args=(), screenshots=None, prefix='e2e'):
        env = dict(os.environ)
        env.pop('GTK_A11Y', None)
        env.pop('NO_AT_BRIDGE', None)
        self.proc = subprocess.Popen([exe, *args], env=env)
        self.screenshots = screenshots
        self.prefix = prefix
        self.shots = 0
        self.app = wait_until(self._find_app, 'the app on the accessibility bus', timeout=30)

    def _find_app(self):
        if self.proc.poll() is not None:
            raise Failure(f'tunnels exited with {self.proc.returncode}')
        for app in children(pyatspi.Registry.getDesktop(0)):
            if app.name == 'tunnels' and safe(lambda: app.get_process_id()) in (None, self.proc.pid):
                return app
        return None

    def windows(self):
        return children(self.app)

    def window(self, pred, what, timeout=TIMEOUT):
        def look():
            for w in self.windows():
                if safe(lambda: pred(w), False):
                    return w
            return None
        return wait_until(look, what, timeout)

    def window_titled(self, title, timeout=TIMEOUT):
        return self.window(lambda w: name_matches(w.name, title) and
                           w.getState().contains(pyatspi.STATE_SHOWING), f'the window “{title}”', timeout)

    def window_gone(self, win, what, timeout=TIMEOUT):
        def gone():
            return all(w != win or not w.getState().contains(pyatspi.STATE_SHOWING) for w in self.windows())
        wait_until(gone, f'{what} to close', timeout)

    def screenshot(self, step):
        """The X screen, from outside the app, trimmed to its windows (the
        screen around them is black: there is no desktop)."""
        if not self.screenshots:
            return None
        os.makedirs(self.screenshots, exist_ok=True)
        self.shots += 1
        path = os.path.join(self.screenshots, f'{self.prefix}-{self.shots:02d}-{step}.png')
        subprocess.run(['import', '-window', 'root', '-trim', '+repage', path], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return path

    def quit(self, keys='ctrl+q', timeout=10):
        """Ctrl+Q, then, if it is still there, SIGTERM to its pid only."""
        if self.proc.poll() is None and keys:
            safe(lambda: press(keys))
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                pass
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


# The keyboard, as the X server sees it. Without a window manager, keys go
# to the window under the pointer, so the pointer is parked over the
# top-left corner, where every Tunnels window opens.
def pointer_to(x, y):
    subprocess.run(['xdotool', 'mousemove', str(x), str(y)], check=True)


def press(keys):
    subprocess.run(['xdotool', 'key', '--clearmodifiers', keys], check=True)


def type_text(text):
    # xdotool types a character outside the keymap by remapping a spare
    # key to it first; too fast, and the X server drops one now and then.
    delay = '8' if text.isascii() else '40'
    subprocess.run(['xdotool', 'type', '--delay', delay, '--', text], check=True)


def pointer_click(acc):
    """A pointer click in the middle of a control (GTK 4.8 has no AT-SPI
    GrabFocus, and check boxes no action): its extents are approximate,
    their middle is inside it."""
    ext = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    x, y = ext.x + ext.width // 2, ext.y + ext.height // 2
    subprocess.run(['xdotool', 'mousemove', str(x), str(y), 'click', '1'], check=True)


def focus(acc):
    if acc.getState().contains(pyatspi.STATE_FOCUSED):
        return
    pointer_click(acc)
    # An AdwEntryRow reports focus on its inner text, not on itself: what
    # is typed next is checked instead.


def set_text(acc, text, attempts=3):
    """Focuses an entry, selects what it holds and types text over it;
    types it again if the X keyboard dropped a character."""
    for attempt in range(attempts):
        focus(acc)
        press('ctrl+a')
        if text:
            type_text(text)
        else:
            press('BackSpace')
        try:
            wait_until(lambda: text_of(acc) == text, f'“{acc.name}” to hold what was typed', timeout=5)
            return
        except Failure:
            if attempt == attempts - 1:
                raise
            log(f'typed again into “{acc.name}”')


class User:
    """A user of the app, in the language of the run (LANGUAGE): finds
    controls by the names the app's catalogue gives them, acts on them,
    walks each window met for unnamed controls and keeps screenshots
    (SCREENSHOTS/PREFIX-LANG-NN-STEP.png)."""

    def __init__(self, exe, localedir, shots, prefix):
        self.lang = os.environ.get('LANGUAGE', 'en').split(':')[0] or 'en'
        self.T = Catalogue(localedir, self.lang)
        self.tap = Tap()
        self.shots = shots
        self.exe = exe
        self.walked = set()
        self.prefix = f'{prefix}-{self.lang}'

    def run(self, steps):
        """Runs the steps in turn, a failure stopping them (each needs the
        ones before), then quits the app with Ctrl+Q; prints the TAP plan
        and returns the exit status."""
        try:
            for step in steps:
                step()
        except Failure as e:
            self.tap.ok(False, str(e), describe(self.main, self.is_secret) if hasattr(self, 'main') else '')
            safe(lambda: self.app.screenshot('failure'))
        finally:
            if hasattr(self, 'app'):
                code = self.app.quit()
                self.tap.ok(code == 0, 'Ctrl+Q quits the app cleanly', f'exit status {code}')
        print(f'1..{self.tap.n}', flush=True)
        return 1 if self.tap.failed else 0

    def is_secret(self, name):
        """A revealed pre-shared key on a connection's page."""
        for source in ('%s (from the keyring)', '%s (from the cloud’s answer; not in the keyring)'):
            suffix = self.T(source).split('%s')[-1]
            if name.endswith(suffix) and not name.startswith('•'):
                return True
        return False

    def step(self, name):
        path = self.app.screenshot(name)
        if path:
            self.tap.note(f'screenshot {os.path.basename(path)}')

    def check_names(self, win, label):
        """Every window met is walked once per label."""
        if label in self.walked:
            return
        self.walked.add(label)
        problems = unnamed_controls(win)
        self.tap.ok(not problems, f'every control of {label} has an accessible name', '\n'.join(problems))

    def button(self, root, label, role=R.ROLE_PUSH_BUTTON, what=None):
        return wait_until(lambda: clickable(root, role, label),
                          what or f'the button “{plain(label)}”')

    def press_button(self, root, label, **kw):
        click(self.button(root, label, **kw))

    def new_window(self, title):
        return self.app.window_titled(title)

    def singular(self, kind):
        return self.T({'ike': 'IKE Policy', 'ipsec': 'IPsec Policy', 'conn': 'IPsec VPN Connection',
                       'service': 'VPN Service'}[kind])

    def section(self, number, title):
        """Ctrl+1…4: the sections are reached from the keyboard; the
        sidebar's row of the section is selected then."""
        def selected():
            sidebar = find(self.main, R.ROLE_LIST, self.T('Sections'))
            item = sidebar and find(sidebar, R.ROLE_LIST_ITEM, self.T(title))
            return item is not None and item.getState().contains(R.STATE_SELECTED)
        pointer_to(400, 300)
        press(f'ctrl+{number}')
        if safe(lambda: wait_until(selected, f'the section “{title}”', timeout=3)):
            return
        # Without a window manager nobody gives the main window the X
        # keyboard focus back when a dialog it opened closes: a user
        # clicks into the window first; so does the test.
        log('clicked into the main window to give it the keyboard focus')
        pointer_click(find(self.main, R.ROLE_LIST, self.T('Sections')))
        pointer_to(400, 300)
        press(f'ctrl+{number}')
        wait_until(selected, f'the section “{title}”')

    def row(self, name):
        """The table row showing name in its first cell."""
        def look():
            for cell_label in find_all(self.main, R.ROLE_LABEL, pred=lambda a: a.name == name):
                parent = cell_label.parent
                if safe(parent.getRole) == R.ROLE_TABLE_CELL:
                    return parent.parent
            return None
        return wait_until(look, f'the row “{name}”')

    def row_gone(self, name):
        def gone():
            for cell_label in find_all(self.main, R.ROLE_LABEL, pred=lambda a: a.name == name):
                if safe(lambda: cell_label.parent.getRole()) == R.ROLE_TABLE_CELL:
                    return False
            return True
        wait_until(gone, f'the row “{name}” to go')

    def row_menu(self, name, item):
        """Selects the row with a click on its name, then the header's
        Actions menu (also Shift+F10 or Menu), then one of its items."""
        row = self.row(name)
        cell = find(row, R.ROLE_LABEL, pred=lambda a: a.name == name)
        pointer_click(cell)
        wait_until(lambda: row.getState().contains(R.STATE_SELECTED), f'the row “{name}” selected')
        click(self.button(self.main, self.T('Actions')))
        target = self.T(item)

        def menu_item():
            for role in (R.ROLE_MENU_ITEM, R.ROLE_PUSH_BUTTON, R.ROLE_CHECK_MENU_ITEM):
                acc = clickable(self.main, role, target)
                if acc is not None:
                    return acc
            return None
        acc = wait_until(menu_item, f'the menu item “{plain(target)}”')
        self.check_names(self.main, 'the row menu')
        click(acc)

    def choose(self, win, combo_label, value):
        """Picks value in a combo row: opens its popover with a click and
        moves to the item with the keyboard."""
        combo = wait_until(lambda: find(win, R.ROLE_COMBO_BOX, combo_label), f'the choice “{combo_label}”')

        def shown():
            lists = find_all(combo, R.ROLE_LIST)
            return lists and any(find(lists[0], R.ROLE_LABEL, pred=lambda a: a.name == value) for _ in [0])
        if shown():
            return
        pointer_click(combo)

        def items():
            popover = find(combo, R.ROLE_SCROLL_PANE)
            lists = popover and find_all(popover, R.ROLE_LIST)
            if not lists:
                return None
            names = []
            for item in children(lists[0]):
                label = find(item, R.ROLE_LABEL)
                names.append(label.name if label else '')
            return names if value in names else None
        names = wait_until(items, f'“{value}” in the choice “{combo_label}”')
        press('Home')
        for _ in range(names.index(value)):
            press('Down')
        press('Return')
        wait_until(shown, f'“{value}” chosen in “{combo_label}”')

    def type_into(self, win, label, text):
        entry = wait_until(lambda: find(win, R.ROLE_TEXT, label), f'the field “{label}”')
        set_text(entry, text)

    def message_dialog(self, heading_start):
        return self.app.window(lambda w: w != self.main and
                               find(w, R.ROLE_LABEL, pred=lambda a: a.name.startswith(heading_start)) is not None,
                               f'the dialog “{heading_start}…”')


def log(*args):
    print(*args, file=sys.stderr, flush=True)
