"""The dfuse command; its code is scripts/hostlib/dfuse.py."""

from hostlib.dfuse import main
from hostlib.errors import run_main

if __name__ == "__main__":
    run_main(main)
