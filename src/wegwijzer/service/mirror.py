"""Spiegel (360° feedback), own function profiles and the 2020 study: the service side.

A mixin of :class:`~wegwijzer.service.Service`; every public method is guarded like the others.
Rater links carry a random token of 256 bits; the database keeps its SHA-256 only, so a link is shown
once, when it is made. A response is stored without any link to its invitation.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass
from typing import Any

from wegwijzer.content.profiles import FunctionProfile, ProfileError, profile_from_dict
from wegwijzer.domain.mirror import CATEGORIES, MIN_GROUP, MirrorResult, RaterResponse, aggregate, anonymous_comments
from wegwijzer.errors import DutchMessage
from wegwijzer.service import auth
from wegwijzer.service.access import PROFILE_OWNER, PUBLIC, ROUND_OWNER, SESSION_OWNER, SIGNED_IN, guarded
from wegwijzer.storage.database import now

MAX_ROUND_THEMES = 25
MAX_INVITES = 60
MAX_DAYS = 60


class RaterLinkProblem(DutchMessage):
    """A rater link or answer that cannot be used; ``message`` is Dutch and says why.

    ``kind`` says what is wrong: ``"invalid"`` (no such link), ``"gone"`` (used already, or the round is
    closed or expired) or ``"answers"`` (the link is fine, the answers are not: the rater can try again).
    """

    def __init__(self, message: str, kind: str = "answers"):
        super().__init__(message)
        self.kind = kind


_INVALID_LINK = "Deze link is niet geldig. Controleer of je de hele link hebt gekopieerd."
_USED_LINK = "Met deze link is al feedback gegeven. Elke link werkt één keer; dank je wel."
_CLOSED_ROUND = "Deze feedbackronde is gesloten of verlopen; er kan geen feedback meer bij."


@dataclass(frozen=True)
class NewLink:
    label: str
    category: str
    token: str


@dataclass(frozen=True)
class RaterForm:
    """What a rater sees: whose round, which themes, until when. Nothing else of the secretary."""

    person_name: str
    title: str
    themes: tuple[int, ...]
    expires_at: str
    category: str


@dataclass(frozen=True)
class RoundOutcome:
    result: MirrorResult
    comments: dict[int, list[str]]
    responses: int


def _is_closed(round_row: dict[str, Any]) -> bool:
    return round_row["closed_at"] is not None or round_row["expires_at"] <= now()


class MirrorMixin:
    """Feedback rounds, own profiles and the study answers (needs ``store``, ``library``, ``actor``, ``me``)."""

    store: Any
    library: Any
    me: int

    # --- own function profiles ----------------------------------------------------------------

    @guarded(SIGNED_IN)
    def my_profiles(self) -> list[tuple[int, FunctionProfile]]:
        result = []
        for profile_id, data in self.store.own_profiles(self.me):
            try:
                result.append((profile_id, profile_from_dict(json.loads(data))))
            except (ProfileError, ValueError):
                continue  # a profile that no longer validates is skipped, not shown half
        return result

    @guarded(SIGNED_IN)
    def save_profile(self, data: dict[str, Any]) -> int:
        """Validate and store a new own profile; raises ProfileError with Dutch problems."""
        profile = profile_from_dict(data)
        return self.store.save_own_profile(self.me, profile.model_dump_json())

    @guarded(PROFILE_OWNER)
    def delete_profile(self, profile_id: int) -> None:
        self.store.delete_own_profile(profile_id)

    # --- the 2020 study ----------------------------------------------------------------------

    @guarded(SIGNED_IN)
    def research_answers(self) -> dict[str, Any]:
        raw = self.store.research_answers(self.me)
        return json.loads(raw) if raw else {}

    @guarded(SIGNED_IN)
    def save_research_answers(self, data: dict[str, Any]) -> None:
        self.store.save_research_answers(self.me, json.dumps(data, ensure_ascii=False)[:20_000])

    # --- feedback rounds: the secretary's side ----------------------------------------------------

    @guarded(SESSION_OWNER)
    def create_round(self, session_id: int, title: str, themes: list[int], invitees: list[tuple[str, str]],
                     days: int = 21) -> tuple[int, list[NewLink]]:
        """Open a round on themes of this session; returns its id and one link per invitee (shown once)."""
        from wegwijzer.service import ServiceError

        record = self.store.session(session_id)
        themes = list(dict.fromkeys(int(t) for t in themes))
        if not themes or len(themes) > MAX_ROUND_THEMES:
            raise ServiceError(f"Kies 1 tot {MAX_ROUND_THEMES} thema's voor de feedbackronde.")
        if set(themes) - set(record.themes):
            raise ServiceError("Kies alleen thema's uit de sessie waarop de ronde rust.")
        links = self._new_links(invitees)
        if not 1 <= days <= MAX_DAYS:
            raise ServiceError(f"Kies een looptijd van 1 tot {MAX_DAYS} dagen.")
        answers = self.store.answers(session_id)
        self_scores = {t: (answers[t].mastery if t in answers and answers[t].is_scored else None) for t in themes}
        expires = (dt.datetime.now(dt.UTC) + dt.timedelta(days=days)).isoformat(timespec="seconds")
        round_id = self.store.create_round(
            self.me, " ".join(title.split())[:120] or "Feedbackronde", themes, self_scores, secrets.token_hex(8),
            expires, [(auth.token_hash(link.token), link.label, link.category) for link in links])
        return round_id, links

    def _new_links(self, invitees: list[tuple[str, str]]) -> list[NewLink]:
        from wegwijzer.service import ServiceError

        if not invitees or len(invitees) > MAX_INVITES:
            raise ServiceError(f"Nodig 1 tot {MAX_INVITES} mensen uit.")
        links = []
        for label, category in invitees:
            if category not in CATEGORIES:
                raise ServiceError("Kies voor elke genodigde een categorie: college, directieteam, medewerkers of extern.")
            links.append(NewLink(" ".join(str(label).split())[:80] or "Genodigde", category,
                                 secrets.token_urlsafe(auth.TOKEN_BYTES)))
        return links

    @guarded(ROUND_OWNER)
    def add_invites(self, round_id: int, invitees: list[tuple[str, str]]) -> list[NewLink]:
        from wegwijzer.service import ServiceError

        if _is_closed(self.store.mirror_round(round_id)):
            raise ServiceError("Deze ronde is gesloten; er kunnen geen genodigden meer bij.")
        links = self._new_links(invitees)
        self.store.add_invites(round_id, [(auth.token_hash(k.token), k.label, k.category) for k in links])
        return links

    @guarded(SIGNED_IN)
    def my_rounds(self) -> list[dict[str, Any]]:
        rounds = self.store.rounds_of(self.me)
        for r in rounds:
            r["closed"] = _is_closed(r)
        return rounds

    @guarded(ROUND_OWNER)
    def round_invites(self, round_id: int) -> list[dict[str, Any]]:
        """Who was invited and whether they answered (never what they answered)."""
        return self.store.round_invites(round_id)

    @guarded(ROUND_OWNER)
    def close_round(self, round_id: int) -> None:
        self.store.close_round(round_id)

    @guarded(ROUND_OWNER)
    def delete_round(self, round_id: int) -> None:
        self.store.delete_round(round_id)

    @guarded(ROUND_OWNER)
    def round_outcome(self, round_id: int) -> RoundOutcome | None:
        """The aggregated result of a closed round, or None while it is open.

        Figures are shown only once a round is closed: comparing figures at two moments would reveal the
        answers that came in between. Comments appear only when at least three people responded.
        """
        row = self.store.mirror_round(round_id)
        if not _is_closed(row):
            return None
        responses = [RaterResponse(rater=str(r["id"]), category=r["category"], ratings=r["ratings"],
                                   comments=r["comments"]) for r in self.store.round_responses(round_id)]
        themes = row["themes"]
        weights = {t: dict(self.library.theme(t).roles.model_dump()) for t in themes}
        result = aggregate(row["self_scores"], responses, themes, weights)
        comments = ({t: anonymous_comments(responses, t, row["seed"]) for t in themes}
                    if len(responses) >= MIN_GROUP else {})
        return RoundOutcome(result, comments, len(responses))

    # --- feedback rounds: the rater's side (no account) -------------------------------------------

    def _open_invite(self, token: str) -> tuple[dict[str, Any], dict[str, Any]]:
        invite = self.store.invite_by_token(auth.token_hash(token)) if token and len(token) <= 200 else None
        if invite is None:
            raise RaterLinkProblem(_INVALID_LINK, "invalid")
        if invite["used"]:
            raise RaterLinkProblem(_USED_LINK, "gone")
        row = self.store.mirror_round(invite["round_id"])
        if _is_closed(row):
            raise RaterLinkProblem(_CLOSED_ROUND, "gone")
        return invite, row

    @guarded(PUBLIC)
    def rater_form(self, token: str) -> RaterForm:
        invite, row = self._open_invite(token)
        return RaterForm(row["person_name"], row["title"], tuple(row["themes"]), row["expires_at"], invite["category"])

    @guarded(PUBLIC)
    def submit_feedback(self, token: str, ratings: dict[int, int | None], comments: dict[int, str]) -> None:
        """Store one rater's answers, once; the answers are checked before anything is written."""
        _invite, row = self._open_invite(token)
        themes = set(row["themes"])
        clean_ratings: dict[int, int | None] = {}
        for theme in themes:
            value = ratings.get(theme)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5):
                raise RaterLinkProblem("Een score moet 1 tot en met 5 zijn, of 'kan ik niet beoordelen'.")
            clean_ratings[theme] = value
        if all(v is None for v in clean_ratings.values()):
            raise RaterLinkProblem("Geef bij minstens één thema een score; er is nog niets bewaard.")
        clean_comments = {t: str(c).strip()[:1500] for t, c in comments.items() if t in themes and str(c).strip()}
        if not self.store.store_response(auth.token_hash(token), clean_ratings, clean_comments):
            raise RaterLinkProblem(_USED_LINK, "gone")  # another submit with this link came first
