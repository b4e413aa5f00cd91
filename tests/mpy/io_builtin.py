# The frozen io (the tutorial's name) stands in for the builtin io in every program on our
# firmware, which is safe because it is a superset: each public name of the builtin, as the
# same object.
import io

import uio

names = [n for n in dir(uio) if not n.startswith("_")]
assert "BytesIO" in names and "IOBase" in names, names
for name in names:
    assert getattr(io, name) is getattr(uio, name), name
assert isinstance(io.BytesIO(), uio.BytesIO)
assert io.Reader is not None  # and the tutorial's demo, loaded on first use
print("io ok")
