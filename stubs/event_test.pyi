"""The tutorial's event demo; run() returns the (round, waiter) pairs seen."""

from typing import List, Tuple

def run() -> List[Tuple[int, int]]: ...
