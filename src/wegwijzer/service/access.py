"""Every access decision, in one place.

A :class:`Rule` answers one question — "may this actor touch this target?" — from the database, never
from what a page believes. Service functions name their rules with :func:`guarded`; a page never decides
access itself. ``tests/test_access_matrix.py`` enumerates the guarded functions and checks each against
every kind of actor, so a new service function without a rule makes that test fail.

What the rules say, in words:

- a person's own sessions, answers, notes and actions: only that person;
- a person's development plan: that person; a coach reads it (support and look-backs only with "scores
  en notities"); a group sees only the actions a member chose to show it, for as long as they are a member;
- the scores (never the notes) of a session a member shares with a group: the members of that group;
- a coachee's sessions: a coach whose invitation the coachee made and the coach accepted, until the
  coachee revokes it; notes only when the coachee chose the scope "scores en notities";
- a group: its members; its settings, agenda and dissolving: the member who created it;
- own function profiles, study answers and feedback rounds: only their owner; a round's figures only
  as aggregates (see ``mirror.py``), never one rater's answers — for nobody, administrators included;
- a rater's link (no account) reaches only the form of that one round, once;
- the links of a facilitated ("begeleid") round: only its facilitator, an active coach of the owner;
  the owner never gets them, so she cannot fill in links herself to work out a rater's answers;
- administrators manage accounts (hand out a one-time reset code, recorded for the person), and see
  nobody's answers; they cannot log in as anyone;
- a copy of the whole database only for the one person of local use (in server mode it holds other people).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wegwijzer.errors import DutchMessage
from wegwijzer.storage import Store


@dataclass(frozen=True)
class Actor:
    """Who is asking: a person id, or None when nobody is logged in."""

    person_id: int | None

    @property
    def signed_in(self) -> bool:
        return self.person_id is not None


LOGGED_OUT = Actor(None)


class AccessDenied(DutchMessage):
    """Refused; the message is Dutch and never says whether the thing exists."""

    def __init__(self, message: str = "Dit is niet met je gedeeld, of het bestaat niet (meer)."):
        super().__init__(message)


@dataclass(frozen=True)
class Rule:
    name: str
    target: str | None  # the argument of the service function the rule looks at
    allows: Callable[[Store, int, Any], bool]  # (store, person id, target value) -> allowed
    public: bool = False  # also for someone who is not logged in


def _session_owner(store: Store, session_id: Any) -> int | None:
    return store.sessions.owner(session_id) if _is_id(session_id) else None


MAX_ID = 2**63 - 1  # SQLite's largest INTEGER; a larger number is no id of ours (and would overflow)


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID


def _ids_in_range(arguments: dict[str, Any]) -> bool:
    """Every ``…_id`` argument given is an id SQLite can hold: a huge or odd number from a URL or a form is
    refused like an id that does not exist (never an ``OverflowError`` from the database)."""
    return all(value is None or _is_id(value) for name, value in arguments.items() if name.endswith("_id"))


def _owns_session(store: Store, me: int, session_id: Any) -> bool:
    return _session_owner(store, session_id) == me


def _reads_session_scores(store: Store, me: int, session_id: Any) -> bool:
    owner = _session_owner(store, session_id)
    if owner is None:
        return False
    return (owner == me or store.coaching.active_scope(me, owner) is not None
            or store.groups.session_shared_with(int(session_id), me))


def _reads_session_notes(store: Store, me: int, session_id: Any) -> bool:
    owner = _session_owner(store, session_id)
    return owner is not None and (owner == me or store.coaching.active_scope(me, owner) == "scores_notities")


def _coaches_session(store: Store, me: int, session_id: Any) -> bool:
    owner = _session_owner(store, session_id)
    return owner is not None and (owner == me or store.coaching.active_scope(me, owner) is not None)


def _is_member(store: Store, me: int, group_id: Any) -> bool:
    return _is_id(group_id) and store.groups.is_member(group_id, me)


def _created_group(store: Store, me: int, group_id: Any) -> bool:
    group = store.groups.get(group_id) if _is_id(group_id) else None
    return group is not None and group.creator_id == me


def _is_coachee_of_link(store: Store, me: int, link_id: Any) -> bool:
    link = store.coaching.link(link_id) if _is_id(link_id) else None
    return link is not None and link.coachee_id == me


def _coaches(store: Store, me: int, coachee_id: Any) -> bool:
    return _is_id(coachee_id) and coachee_id != me and store.coaching.active_scope(me, coachee_id) is not None


def _owns_profile(store: Store, me: int, profile_id: Any) -> bool:
    return _is_id(profile_id) and store.personal.profile_owner(profile_id) == me


def _owns_action(store: Store, me: int, action_id: Any) -> bool:
    return _is_id(action_id) and store.plan.owner(action_id) == me


def _owns_actions(store: Store, me: int, action_ids: Any) -> bool:
    """Every key of a mapping (or item of a list) is an action of ``me``."""
    try:
        ids = list(action_ids)
    except TypeError:
        return False
    return all(_owns_action(store, me, action_id) for action_id in ids)


def _owns_round(store: Store, me: int, round_id: Any) -> bool:
    return _is_id(round_id) and store.mirror.round_owner(round_id) == me


def _facilitates_round(store: Store, me: int, round_id: Any) -> bool:
    """The facilitator of a "begeleid" round, while still an active coach of its owner."""
    pair = store.mirror.round_facilitator(round_id) if _is_id(round_id) else None
    return pair is not None and pair[0] == me and store.coaching.active_scope(me, pair[1]) is not None


def _is_local_person(store: Store, me: int, _target: Any) -> bool:
    return store.people.account(me) is None  # local mode: the one person of this computer has no account


def _is_admin(store: Store, me: int, _target: Any) -> bool:
    account = store.people.account(me)
    return account is not None and account.is_admin


PUBLIC = Rule("public", None, lambda store, me, _: True, public=True)
SIGNED_IN = Rule("signed_in", None, lambda store, me, _: True)
ADMIN = Rule("admin", None, _is_admin)
LOCAL_PERSON = Rule("local_person", None, _is_local_person)
SESSION_OWNER = Rule("session_owner", "session_id", _owns_session)
SESSION_SCORES = Rule("session_scores", "session_id", _reads_session_scores)
SESSION_NOTES = Rule("session_notes", "session_id", _reads_session_notes)
SESSION_COACHING = Rule("session_coaching", "session_id", _coaches_session)
GROUP_MEMBER = Rule("group_member", "group_id", _is_member)
GROUP_CREATOR = Rule("group_creator", "group_id", _created_group)
LINK_COACHEE = Rule("link_coachee", "link_id", _is_coachee_of_link)
COACH_OF = Rule("coach_of", "coachee_id", _coaches)
PROFILE_OWNER = Rule("profile_owner", "profile_id", _owns_profile)
ROUND_OWNER = Rule("round_owner", "round_id", _owns_round)
ROUND_FACILITATOR = Rule("round_facilitator", "round_id", _facilitates_round)
ACTION_OWNER = Rule("action_owner", "action_id", _owns_action)
ACTIONS_OWNER = Rule("actions_owner", "changes", _owns_actions)


def allowed(store: Store, actor: Actor, rules: tuple[Rule, ...], arguments: dict[str, Any]) -> bool:
    """Whether every rule allows this actor with these arguments."""
    for rule in rules:
        if actor.person_id is None:
            if not rule.public:
                return False
            continue
        if not rule.allows(store, actor.person_id, arguments.get(rule.target) if rule.target else None):
            return False
    return True


def guarded(*rules: Rule) -> Callable:
    """Mark a service method with its access rules and check them before every call.

    The method's object must have ``store`` and ``actor``. The rules are kept on the function as
    ``__access_rules__`` for the matrix test.
    """
    if not rules:
        raise ValueError("a guarded function needs at least one rule")

    def decorate(fn: Callable) -> Callable:
        signature = inspect.signature(fn)
        for rule in rules:
            if rule.target and rule.target not in signature.parameters:
                raise TypeError(f"{fn.__name__} has no argument {rule.target!r} for rule {rule.name}")

        @functools.wraps(fn)
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            arguments = signature.bind(self, *args, **kwargs).arguments
            if not _ids_in_range(arguments) or not allowed(self.store, self.actor, rules, arguments):
                raise AccessDenied()
            return fn(self, *args, **kwargs)

        wrapper.__access_rules__ = rules  # type: ignore[attr-defined]
        return wrapper

    return decorate
