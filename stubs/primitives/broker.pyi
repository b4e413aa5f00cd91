from typing import Any, Dict, Hashable, Set, Tuple

class Agent:
    """Base class of user agents: a subclass gives put(topic, message, *args)."""

class RegExp:
    """A topic that matches every str topic its regular expression matches."""

    re: Any
    def __init__(self, re_str: str) -> None: ...
    def matching(self, topic: str) -> bool: ...

class Broker(Dict[Hashable, Set[Tuple[Any, Tuple[Any, ...]]]]):
    """A publish/subscribe broker: topic -> set of (agent, args). An agent is an Event, a
    Queue or RingbufQueue, an Agent, or a callable (function or coroutine function)."""

    Verbose: bool
    def subscribe(self, topic: Hashable, agent: Any, *args: Any) -> None: ...
    def unsubscribe(self, topic: Hashable, agent: Any, *args: Any) -> None: ...
    def publish(self, topic: Hashable, message: Any = None) -> None: ...

broker: Broker
