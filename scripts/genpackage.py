"""The genpackage command; its code is scripts/hostlib/genpackage.py."""

from hostlib.errors import run_main
from hostlib.genpackage import main

if __name__ == "__main__":
    run_main(main)
