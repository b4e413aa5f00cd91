"""The tutorial's first demo: the Pyboard's four LEDs, each flashed by its own task."""

from primitives._hw import LED

def period_ms(n: int) -> int:
    """LED n (1..4) toggles every period_ms(n) ms: 200, 700, 1200, 1700."""

async def toggle(led: LED, ms: int) -> None: ...
async def main(duration: float) -> None: ...
def run(duration: float = 10) -> None: ...
