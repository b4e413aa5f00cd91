"""The firmwareinfo command; its code is scripts/hostlib/firmwareinfo.py."""

from hostlib.errors import run_main
from hostlib.firmwareinfo import main

if __name__ == "__main__":
    run_main(main)
