"""The hinch_compare command; its code is scripts/hostlib/hinch_compare.py."""

from hostlib.hinch_compare import main

if __name__ == "__main__":
    main()
