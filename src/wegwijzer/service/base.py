"""What every part of the service shares: who is asking, the store and the content, and the Dutch refusals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from wegwijzer.content.library import Library
from wegwijzer.errors import DutchMessage
from wegwijzer.service.access import AccessDenied, Actor
from wegwijzer.storage import Store

T = TypeVar("T")


class ServiceError(DutchMessage):
    """A request that cannot be done as asked; ``message`` is Dutch and says what to do."""


@dataclass(frozen=True)
class Context:
    store: Store
    library: Library
    actor: Actor


class Part:
    """One capability of the service (sessions, groups, …) for one actor; public methods are guarded."""

    def __init__(self, context: Context):
        self.context = context

    @property
    def store(self) -> Store:
        return self.context.store

    @property
    def library(self) -> Library:
        return self.context.library

    @property
    def actor(self) -> Actor:
        return self.context.actor

    @property
    def me(self) -> int:
        if self.actor.person_id is None:  # unreachable through guarded methods; a safety net
            raise AccessDenied("Log eerst in.")
        return self.actor.person_id

    @staticmethod
    def found(value: T | None) -> T:
        """``value``, or the same Dutch refusal as a rule gives when it is gone (deleted in the meantime)."""
        if value is None:
            raise AccessDenied()
        return value


def clean_name(text: str, what: str, limit: int = 120) -> str:
    """A name someone typed, on one line; a Dutch refusal when it is empty or too long."""
    text = " ".join(text.split())
    if not text:
        raise ServiceError(f"Vul een {what} in.")
    if len(text) > limit:
        raise ServiceError(f"De {what} mag hoogstens {limit} tekens lang zijn.")
    return text
