"""The armv6m command; its code is scripts/hostlib/armv6m.py."""

from hostlib.armv6m import main
from hostlib.errors import run_main

if __name__ == "__main__":
    run_main(main)
