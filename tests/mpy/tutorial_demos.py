# The tutorial's demo modules: run() checks its own results; here we check what it returns.
import aqtest
import asyntest
import awaitable
import chain
import event_test
import roundrobin

assert asyntest.run() == {"lock": ["a in", "a out", "b in", "b out", "c in", "c out"],
                          "event": [0, 1, 2, 3]}
assert len(event_test.run()) == 9
assert roundrobin.run(3, 200) > 0
assert awaitable.run() == 42
assert chain.run() == ["1 + 2 = 3", "3 + 4 = 7"]
assert aqtest.run() == list(range(20))
print("tutorial_demos ok")
