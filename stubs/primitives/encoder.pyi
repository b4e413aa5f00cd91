from typing import Any, Callable, Optional, Tuple

from primitives._hw import EdgePin

class Encoder:
    """An incremental quadrature encoder read by pin IRQs.

    callback(value, delta, *args) (a function or a coroutine) runs at most every delay ms
    while the encoder turns; `async for v in encoder` gives each new value."""

    delay: int
    def __init__(
        self,
        pin_x: EdgePin,
        pin_y: EdgePin,
        v: int = 0,
        div: int = 1,
        vmin: Optional[int] = None,
        vmax: Optional[int] = None,
        mod: Optional[int] = None,
        callback: Optional[Callable[..., Any]] = None,
        args: Tuple[Any, ...] = (),
        delay: int = 100,
    ) -> None: ...
    def value(self) -> int: ...
    def __aiter__(self) -> "Encoder": ...
    async def __anext__(self) -> int: ...
    def deinit(self) -> None: ...
