"""What this firmware is (generated at build time)."""

version: str
commit: str
board: str
micropython: str

def summary() -> str: ...
