"""The pybemu command; its code is scripts/hostlib/pybemu.py."""

from hostlib.errors import run_main
from hostlib.pybemu import main

if __name__ == "__main__":
    run_main(main)
