# Test-build stand-in for a key matrix wired to fake machine.Pins: rows are open-drain (or
# push-pull) outputs, columns inputs with pull-ups, and a closed key joins its row to its
# column. A column reads low only while a closed key's row is driven low, at the moment it is
# read, as on the hardware: a driver must drive each row before reading the columns.
from machine import Pin


class _ColumnLine:
    # Stands in for the column pin's machine._Line: its level is worked out when read.
    def __init__(self, line, matrix, col):
        for attr in ("mode", "pull", "handler", "trigger", "hard", "flags"):
            setattr(self, attr, getattr(line, attr))
        self._matrix = matrix
        self._col = col

    @property
    def level(self):
        return self._matrix._column_level(self._col, self.pull)

    @level.setter
    def level(self, v):
        pass  # an input: nothing drives it but the keys


class KeyMatrix:
    def __init__(self, rowpins, colpins):
        self._rows = rowpins
        self._closed = set()  # (row, column) of each closed key
        for c, pin in enumerate(colpins):
            line = _ColumnLine(pin._line, self, c)
            pin._line = line
            Pin._lines[pin._id] = line

    def _column_level(self, col, pull):
        for r, c in self._closed:
            row = self._rows[r]
            if c == col and row.mode() in (Pin.OUT, Pin.OPEN_DRAIN) and not row.value():
                return 0
        return 1 if pull == Pin.PULL_UP else 0

    def press(self, row, col):
        self._closed.add((row, col))

    def release(self, row, col):
        self._closed.discard((row, col))
