"""The boardtest command; its code is scripts/hostlib/boardtest.py."""

from hostlib.boardtest import main
from hostlib.errors import run_main

if __name__ == "__main__":
    run_main(main)
