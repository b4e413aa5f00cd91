"""Upstream's own tests on the emulated PYBV11 (scripts/upstreamtests.py): in make test, the
quick part (micropython/ and extmod/, as make test has run them); the whole, basics too, is
make test-upstream. Every exclusion is named there with its reason; any other failure fails."""

from hostlib import upstreamtests


def test_upstream_quick(pyb_emu, tmp_path):
    passed, skipped, failed = upstreamtests.run(pyb_emu, str(tmp_path), quick=True)
    assert not failed, failed
    assert passed >= 200, (passed, skipped)  # 225 at v1.28.0: the suite really ran


def test_exclusions_have_reasons():
    assert all(reason for reason in upstreamtests.EXCLUDE.values())
    assert len(upstreamtests.EXCLUDE) == len(set(upstreamtests.EXCLUDE))
