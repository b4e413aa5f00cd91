"""The mpytree command; its code is scripts/hostlib/mpytree.py."""

from hostlib.errors import run_main
from hostlib.mpytree import main

if __name__ == "__main__":
    run_main(main)
