"""The checktools command; its code is scripts/hostlib/checktools.py."""

from hostlib.checktools import main
from hostlib.errors import run_main

if __name__ == "__main__":
    run_main(main)
