"""What pages and HTTP routes may ask for, on behalf of one actor.

Pages and routes never talk to the database themselves: they make a :class:`Service` for the person
using the app and call one of its parts (``svc.sessions.answers(...)``, ``svc.groups.dashboard(...)``).
Every public method of a part carries its access rules (see ``access.py``); a refused call raises
:class:`~wegwijzer.service.access.AccessDenied` with a Dutch message. The service returns data, never
figures: pages draw them with ``wegwijzer.render``.
"""

from __future__ import annotations

from typing import Any

from wegwijzer.content.library import Library
from wegwijzer.service.access import AccessDenied, Actor, allowed
from wegwijzer.service.accounts import AccountService
from wegwijzer.service.admin import AdminService
from wegwijzer.service.base import Context, Part, ServiceError
from wegwijzer.service.coaching import CoachingService
from wegwijzer.service.groups import GroupService
from wegwijzer.service.mirror import MirrorService
from wegwijzer.service.personal import PersonalService
from wegwijzer.service.plan import PlanService
from wegwijzer.service.sessions import SessionService
from wegwijzer.storage import Store

__all__ = ["AccessDenied", "Actor", "Service", "ServiceError", "guarded_methods"]

PARTS: dict[str, type[Part]] = {
    "account": AccountService,
    "admin": AdminService,
    "sessions": SessionService,
    "groups": GroupService,
    "coaching": CoachingService,
    "personal": PersonalService,
    "mirror": MirrorService,
    "plan": PlanService,
}


class Service:
    """The app's operations for one actor (a logged-in person, the local person, or nobody)."""

    account: AccountService
    admin: AdminService
    sessions: SessionService
    groups: GroupService
    coaching: CoachingService
    personal: PersonalService
    mirror: MirrorService
    plan: PlanService

    def __init__(self, store: Store, library: Library, actor: Actor):
        self.context = Context(store, library, actor)
        for name, part in PARTS.items():
            setattr(self, name, part(self.context))

    @property
    def actor(self) -> Actor:
        return self.context.actor

    @property
    def library(self) -> Library:
        return self.context.library

    def may(self, operation: str, **arguments: Any) -> bool:
        """Whether the actor may call ``operation`` ("sessions.answers") with these arguments (to hide buttons)."""
        part, _, method = operation.partition(".")
        rules = getattr(PARTS[part], method).__access_rules__
        return allowed(self.context.store, self.actor, rules, arguments)


def guarded_methods() -> list[str]:
    """Every operation of the service as "part.method" (each must carry access rules)."""
    return sorted(f"{name}.{attr}" for name, part in PARTS.items() for attr, value in vars(part).items()
                  if callable(value) and not attr.startswith("_"))
