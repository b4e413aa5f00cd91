"""The genfwinfo command; its code is scripts/hostlib/genfwinfo.py."""

from hostlib.errors import run_main
from hostlib.genfwinfo import main

if __name__ == "__main__":
    run_main(main)
