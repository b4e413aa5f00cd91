"""The tutorial's round-robin demo."""

def run(ntasks: int = 3, duration_ms: int = 1000) -> int:
    """Context switches per second."""
