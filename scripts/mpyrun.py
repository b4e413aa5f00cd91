"""The mpyrun command; its code is scripts/hostlib/mpyrun.py."""

from hostlib.errors import run_main
from hostlib.mpyrun import main

if __name__ == "__main__":
    run_main(main)
