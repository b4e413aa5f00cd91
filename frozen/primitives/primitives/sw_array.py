# Keyboard and SwArray: a crosspoint matrix of keys (Hinch v3 API). Rows are open-drain outputs,
# columns pulled-up inputs; a closed key pulls its column low while its row is driven low.
# Both are RingbufQueues: `async for` gives the events, oldest dropped when nobody reads.
#
# One task scans the matrix every debounce period, whatever the number of keys, and times long
# presses and double clicks from its scans: no task per key. Scan codes and the keymap() bitmap
# are Hinch's: the first key scanned (row 0, column 0) is the highest bit, code nkeys - 1.
import asyncio
from time import ticks_diff, ticks_ms

from micropython import const

from primitives import _end
from primitives.ringbuf_queue import RingbufQueue

CLOSE = const(1)  # SwArray's cfg: the OR of the events to report
OPEN = const(2)
LONG = const(4)
DOUBLE = const(8)
SUPPRESS = const(16)  # see SwArray

# A timed key's phase (SwArray with LONG, DOUBLE or SUPPRESS)
_HELD = const(0)  # first closure, may become long
_GAP = const(1)  # released, a second closure would be a double
_FINISH = const(2)  # long or double reported: OPEN on release


def _scan(rowpins, colpins):
    cur = 0  # 1: closed
    for row in rowpins:
        row(0)
        for col in colpins:
            cur = (cur << 1) | (col() ^ 1)
        row(1)
    return cur


class _Matrix(RingbufQueue):
    def __init__(self, buf, rowpins, colpins):
        super().__init__(buf)
        self._rowpins = rowpins
        self._colpins = colpins
        self._state = 0
        for row in rowpins:
            row(1)  # released: open drain, not driven
        self._task = asyncio.create_task(self._run(len(rowpins) * len(colpins)))

    def _add(self, item):
        try:
            self.put_nowait(item)
        except IndexError:  # full: the oldest was dropped
            pass

    def __getitem__(self, scan_code):
        """The debounced state of a key: True when closed."""
        return bool(self._state & (1 << scan_code))

    def keymap(self):
        """The debounced state of every key as a bitmap, 1 closed."""
        return self._state

    def deinit(self):
        task = self._task
        if task is not None:
            self._task = None
            _end(task)


class Keyboard(_Matrix):
    """The scan code of each key pressed, in order, with `async for`."""

    def __init__(self, rowpins, colpins, *, bufsize=10, db_delay=50):
        self._db = db_delay
        super().__init__(bytearray(bufsize) if isinstance(bufsize, int) else bufsize,
                         rowpins, colpins)

    async def _run(self, nkeys):
        while self._task is not None:
            cur = _scan(self._rowpins, self._colpins)
            pressed = cur & ~self._state
            self._state = cur
            sc = 0
            while pressed:
                if pressed & 1:
                    self._add(sc)
                pressed >>= 1
                sc += 1
            await asyncio.sleep_ms(self._db)


class SwArray(_Matrix):
    """(scan_code, event) pairs with `async for`, for the events in cfg. Without LONG, DOUBLE
    and SUPPRESS every closure and opening is reported at once. SUPPRESS: a single click is
    reported (CLOSE, OPEN) once it can no longer be a double; a double click or long press as
    DOUBLE or LONG, then OPEN on release, without CLOSE."""

    debounce_ms = 50
    long_press_ms = 1000
    double_click_ms = 400

    def __init__(self, rowpins, colpins, cfg, *, bufsize=10):
        self._cfg = cfg
        self._timed = bool(cfg & (SUPPRESS | LONG | DOUBLE))
        self._keys = {}  # timed keys in progress: scan code -> [phase, ticks of first closure]
        super().__init__(bufsize, rowpins, colpins)

    def _put(self, sc, evt):
        if evt & self._cfg:
            self._add((sc, evt))

    async def _run(self, nkeys):
        while self._task is not None:
            cur = _scan(self._rowpins, self._colpins)
            changed = cur ^ self._state
            self._state = cur
            if self._timed:
                self._time(changed, cur)
            else:
                sc = 0
                while changed:
                    if changed & 1:
                        self._put(sc, CLOSE if cur & 1 else OPEN)
                    changed >>= 1
                    cur >>= 1
                    sc += 1
            await asyncio.sleep_ms(self.debounce_ms)

    def _time(self, changed, cur):
        # An event left out of cfg is not timed at all, so it cannot swallow others: without
        # DOUBLE a second closure is a new first one, without LONG a long hold is a click.
        cfg = self._cfg
        supp = cfg & SUPPRESS
        now = ticks_ms()
        keys = self._keys
        sc = 0
        while changed:
            if changed & 1 and cur & 1 and (sc not in keys or keys[sc][0] == _GAP
                                             and not cfg & DOUBLE):
                keys[sc] = [_HELD, now]
                if not supp:
                    self._put(sc, CLOSE)
            changed >>= 1
            cur >>= 1
            sc += 1
        for sc in list(keys):
            key = keys[sc]
            closed = self[sc]
            elapsed = ticks_diff(now, key[1])
            if key[0] == _HELD:
                if not closed:
                    if not supp:
                        self._put(sc, OPEN)
                    key[0] = _GAP
                elif cfg & LONG and elapsed > self.long_press_ms:
                    self._put(sc, LONG)
                    key[0] = _FINISH
                    continue
            if key[0] == _GAP:
                if closed:  # (only with DOUBLE: see above)
                    self._put(sc, DOUBLE)
                    key[0] = _FINISH
                elif not cfg & DOUBLE or elapsed > self.double_click_ms:
                    if supp:  # a single click after all
                        self._put(sc, CLOSE)
                        self._put(sc, OPEN)
                    del keys[sc]
            elif key[0] == _FINISH and not closed:
                self._put(sc, OPEN)
                del keys[sc]
