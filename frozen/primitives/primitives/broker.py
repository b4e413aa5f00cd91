# A publish/subscribe message broker (Hinch v3 API). The Broker is a dict: topic -> set of
# (agent, args). A topic is any hashable; a RegExp topic matches every str topic it matches.
# An agent is an Event (set), a Queue or RingbufQueue ((topic, message[, args]) put without
# waiting), an Agent (its put(topic, message, *args)) or a callable (called with topic,
# message, *args; a coroutine it returns runs as a task).
import asyncio
import re

from primitives import launch
from primitives.queue import Queue
from primitives.ringbuf_queue import RingbufQueue


class Agent:
    """Base class of user agents: a subclass gives put(topic, message, *args)."""


class RegExp:
    def __init__(self, re_str):
        self.re = re.compile(re_str)

    def matching(self, topic):
        return self.re.match(topic) is not None


def _valid(agent):
    return isinstance(agent, (asyncio.Event, Queue, RingbufQueue, Agent)) or callable(agent)


class Broker(dict):
    Verbose = True  # print a line for a duplicate subscription, a bad unsubscribe, a lost message

    def _say(self, *what):
        if Broker.Verbose:
            print(*what)

    def subscribe(self, topic, agent, *args):
        if not _valid(agent):
            raise ValueError("Invalid agent:", agent)
        entry = (agent, args)
        agents = self.get(topic)
        if agents is None:
            self[topic] = {entry}
            return
        if entry in agents:
            self._say("Duplicate agent {} in topic {}.".format(entry, topic))
        agents.add(entry)

    def unsubscribe(self, topic, agent, *args):
        agents = self.get(topic)
        if agents is None:
            self._say("Unsubscribe topic {} fail: topic not subscribed.".format(topic))
            return
        entry = (agent, args)
        if entry in agents:
            agents.remove(entry)
        else:
            self._say("Unsubscribe agent {} from topic {} fail: agent not subscribed.".format(
                entry, topic))
        if not agents:
            del self[topic]

    def publish(self, topic, message=None):
        agents = set()
        if isinstance(topic, str):
            for key in self:
                if isinstance(key, RegExp) and key.matching(topic):
                    agents.update(self[key])
        agents.update(self.get(topic, ()))
        for agent, args in agents:
            if isinstance(agent, asyncio.Event):
                agent.set()
            elif isinstance(agent, Agent):
                agent.put(topic, message, *args)
            elif isinstance(agent, (Queue, RingbufQueue)):
                try:
                    agent.put_nowait((topic, message, args) if args else (topic, message))
                except Exception:  # Queue full: this message lost; RingbufQueue: the oldest
                    self._say("Message lost topic {} message {}".format(topic, message))
            else:
                launch(agent, (topic, message) + args)


broker = Broker()
