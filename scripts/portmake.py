"""The portmake command; its code is scripts/hostlib/portmake.py."""

from hostlib.errors import run_main
from hostlib.portmake import main

if __name__ == "__main__":
    run_main(main)
