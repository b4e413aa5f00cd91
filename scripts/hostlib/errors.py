"""One-line errors for expected failures: the scripts never show a traceback for them."""

import sys


class UserError(Exception):
    """An expected failure: bad input or a missing tool, said in one line."""


def run_main(main):
    """Run main(); a UserError becomes 'error: ...' on stderr and exit status 2."""
    try:
        sys.exit(main())
    except UserError as e:
        print("error: {}".format(e), file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
