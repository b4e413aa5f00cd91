"""The upstreamtests command; its code is scripts/hostlib/upstreamtests.py."""

from hostlib.errors import run_main
from hostlib.upstreamtests import main

if __name__ == "__main__":
    run_main(main)
