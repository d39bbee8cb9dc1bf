"""Named points where a lower app lets higher apps take part in its work, without importing them.

The layering contract forbids a lower app (pipeline) to import a higher one (interviews). When the lower
app's one write path must still consult a higher app's rule (leaving an interview stage needs its
scorecards) or let it react in the same transaction (a job's stages changed: its interview plan follows),
the lower app declares a Hook and the higher app registers a receiver in its AppConfig.ready(). Unlike
Django signals, a hook is declared next to the service that runs it, receivers are plain typed functions
called in registration order inside the caller's transaction, and a receiver's exception is the caller's
exception (a refusal stays a refusal).
"""

from collections.abc import Callable
from typing import Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class Hook(Generic[P, R]):
    def __init__(self, name: str, doc: str = "") -> None:
        self.name = name
        self.__doc__ = doc
        self._receivers: list[Callable[P, R]] = []

    def register(self, receiver: Callable[P, R]) -> Callable[P, R]:
        """Adds a receiver once (AppConfig.ready may run more than once in tests); usable as a decorator."""
        if receiver not in self._receivers:
            self._receivers.append(receiver)
        return receiver

    def run(self, *args: P.args, **kwargs: P.kwargs) -> list[R]:
        """Calls every receiver in registration order and returns their results."""
        return [receiver(*args, **kwargs) for receiver in self._receivers]

    @property
    def receivers(self) -> tuple[Callable[P, R], ...]:
        return tuple(self._receivers)

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self._receivers)} receivers>"
