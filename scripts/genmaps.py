"""The genmaps command; its code is scripts/hostlib/genmaps.py."""

from hostlib.errors import run_main
from hostlib.genmaps import main

if __name__ == "__main__":
    run_main(main)
