# Test-build stand-in for a key matrix wired to the fake machine.Pins: rows are open-drain (or
# push-pull) outputs, columns inputs with pull-ups, and a closed key joins its row to its
# column. A column reads low only while a closed key's row is driven low, at the moment it is
# read, as on the hardware: a driver must drive each row before reading the columns. Column
# edges raise no IRQs here (the drivers of key matrices scan, they take no IRQs).
class KeyMatrix:
    def __init__(self, rowpins, colpins):
        self._rows = rowpins
        self._closed = set()  # (row, column) of each closed key
        for c, pin in enumerate(colpins):
            # The pin's own level reading, replaced for this pin only.
            pin._read = self._reader(c, pin)

    def _reader(self, col, pin):
        def read():
            for r, c in self._closed:
                if c == col and self._rows[r]._drives() == 0:
                    return 0
            return 1 if pin._pull == pin.PULL_UP else 0

        return read

    def press(self, row, col):
        self._closed.add((row, col))

    def release(self, row, col):
        self._closed.discard((row, col))
