"""The host-side library: what the commands of scripts/ are made of, and what the tests import
(from hostlib import mpyrun). Each command scripts/NAME.py runs hostlib/NAME.py's main()."""

import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
