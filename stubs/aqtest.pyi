"""The tutorial's queue demo, on uasyncio; run() returns the items consumed in order."""

from typing import List

def run(n: int = 20, maxsize: int = 3) -> List[int]: ...
