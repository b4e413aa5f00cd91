"""The deploy command; its code is scripts/hostlib/deploy.py."""

from hostlib.deploy import main
from hostlib.errors import run_main

if __name__ == "__main__":
    run_main(main)
