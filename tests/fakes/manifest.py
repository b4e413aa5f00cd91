# Hardware stand-ins for the test builds only; the Pyboard firmware never freezes these.
module("machine.py", opt=0)
module("pyb.py", opt=0)
module("testkit.py", opt=0)
module("fakeboard.py", opt=0)
module("keymatrix.py", opt=0)
module("soakkit.py", opt=0)
