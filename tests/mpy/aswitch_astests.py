# astests, first half: its self-check plays the Switch demos and the Pushbutton coroutine demos
# through the fake pins and checks the LEDs.
import astests

astests.selftest((astests.sw_coros, astests.sw_callbacks, astests.btn_coros))
print("astests switch ok")
