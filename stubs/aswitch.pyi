"""The tutorial's switch module: the classes of primitives under their tutorial name."""

from primitives.delay_ms import Delay_ms as Delay_ms
from primitives.pushbutton import Pushbutton as Pushbutton
from primitives.switch import Switch as Switch

__all__ = ("Delay_ms", "Pushbutton", "Switch")
