"""The uf2 command; its code is scripts/hostlib/uf2.py."""

from hostlib.errors import run_main
from hostlib.uf2 import main

if __name__ == "__main__":
    run_main(main)
