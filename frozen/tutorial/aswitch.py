# aswitch: the tutorial's switch module. Switch, Pushbutton and Delay_ms live in primitives;
# these are the same classes under the tutorial's module name.
from primitives.delay_ms import Delay_ms
from primitives.pushbutton import Pushbutton
from primitives.switch import Switch

__all__ = ("Delay_ms", "Pushbutton", "Switch")
