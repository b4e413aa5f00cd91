# Stub-only: the hardware the drivers are given, as the few methods they call. machine.Pin,
# pyb.Switch, pyb.LED, pyb.Accel and the test fakes all fit.
from typing import Any, Callable, Optional, Protocol

class InputPin(Protocol):
    """A level read with value() (machine.Pin, pyb.Switch); irq=True also needs Pin.irq()."""

    def value(self) -> int: ...

class EdgePin(Protocol):
    """A pin read by calling it, with edge interrupts (machine.Pin)."""

    IRQ_RISING: int
    IRQ_FALLING: int
    def __call__(self) -> int: ...
    def irq(
        self,
        handler: Optional[Callable[[Any], None]] = ...,
        trigger: int = ...,
        *,
        hard: bool = ...,
    ) -> Any: ...

class LED(Protocol):
    def on(self) -> None: ...
    def off(self) -> None: ...
    def toggle(self) -> None: ...

class Accel(Protocol):
    """pyb.Accel or anything with x(), y() and z()."""

    def x(self) -> int: ...
    def y(self) -> int: ...
    def z(self) -> int: ...
