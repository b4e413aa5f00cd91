from typing import Any, Sequence, Tuple, Union

from primitives.ringbuf_queue import RingbufQueue

CLOSE: int
OPEN: int
LONG: int
DOUBLE: int
SUPPRESS: int

class Keyboard(RingbufQueue):
    """A key matrix (open-drain row outputs, pulled-up column inputs): `async for` gives the
    scan code of each key pressed."""

    def __init__(
        self, rowpins: Sequence[Any], colpins: Sequence[Any], *,
        bufsize: Union[int, Any] = 10, db_delay: int = 50
    ) -> None: ...
    def __getitem__(self, scan_code: int) -> bool:
        """The debounced state of a key: True when closed."""
    def keymap(self) -> int: ...
    def deinit(self) -> None: ...

class SwArray(RingbufQueue):
    """A key matrix: `async for` gives (scan_code, event) for the events in cfg (an OR of
    CLOSE, OPEN, LONG, DOUBLE, SUPPRESS)."""

    debounce_ms: int
    long_press_ms: int
    double_click_ms: int
    def __init__(
        self, rowpins: Sequence[Any], colpins: Sequence[Any], cfg: int, *, bufsize: int = 10
    ) -> None: ...
    def __getitem__(self, scan_code: int) -> bool: ...
    def keymap(self) -> int:
        """The debounced state of every key as a bitmap, 1 closed."""
    def deinit(self) -> None: ...
    async def __anext__(self) -> Tuple[int, int]: ...
