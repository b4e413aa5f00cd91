# astests, second half: the self-check of the Pushbutton callback and event demos and of the
# Delay_ms demo; then one demo run as a user would, ending on its duration.
import astests
import pyb

astests.selftest((astests.btn_callbacks, astests.btn_events, astests.delay))
astests.test_btncb(duration=0.3)
assert not any(pyb.LED(n).is_on() for n in range(1, 5))
print("astests button ok")
