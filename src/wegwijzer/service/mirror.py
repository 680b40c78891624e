"""Spiegel (360° feedback): the secretary's rounds and the rater's one-time form.

Rater links carry a random token of 256 bits; the database keeps its SHA-256 only, so a link is shown
once, when it is made. A response is stored without any link to its invitation.

Two kinds of round. In a round she runs herself ("zelf") the secretary gets the links and hands them
out; she could then fill in some herself and work out another rater's answers from the averages, and the
rater page says so. In a facilitated round ("begeleid") the links are made by her coach, who hands them
out: the secretary's service never returns them, so that attack needs the coach's help.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from wegwijzer.clock import in_days
from wegwijzer.domain import credentials
from wegwijzer.domain.mirror import CATEGORIES, MIN_GROUP, MirrorResult, aggregate, anonymous_comments
from wegwijzer.domain.records import MirrorInvite, MirrorRound, RaterLink
from wegwijzer.errors import DutchMessage
from wegwijzer.service.access import MAX_ID, PUBLIC, ROUND_FACILITATOR, ROUND_OWNER, SESSION_OWNER, SIGNED_IN, guarded
from wegwijzer.service.base import Part, ServiceError

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
    facilitator_name: str = ""  # who made and handed out the links; "" when the person did it herself


@dataclass(frozen=True)
class FacilitatedRound:
    """A round whose links this coach hands out: whose, and how many links are still to be made."""

    round: MirrorRound
    waiting: int


@dataclass(frozen=True)
class RoundOutcome:
    result: MirrorResult
    comments: dict[int, list[str]]
    responses: int


class MirrorService(Part):
    """``svc.mirror``."""

    # --- the secretary's side ---------------------------------------------------------------------

    @guarded(SESSION_OWNER)
    def create_round(self, session_id: int, title: str, themes: list[int], invitees: list[tuple[str, str]],
                     days: int = 21, facilitator_id: int | None = None) -> tuple[int, list[NewLink]]:
        """Open a round on themes of this session; returns its id and one link per invitee (shown once).

        With ``facilitator_id`` (one of my active coaches) the round is facilitated: no links come back
        here; the facilitator makes them with ``issue_links``.
        """
        if facilitator_id is not None and (not isinstance(facilitator_id, int) or not 0 < facilitator_id <= MAX_ID
                                           or facilitator_id == self.me
                                           or self.store.coaching.active_scope(facilitator_id, self.me) is None):
            raise ServiceError("Kies als begeleider een coach die je uitnodiging heeft geaccepteerd.")
        record = self.found(self.store.sessions.get(session_id))
        themes = list(dict.fromkeys(int(t) for t in themes))
        if not themes or len(themes) > MAX_ROUND_THEMES:
            raise ServiceError(f"Kies 1 tot {MAX_ROUND_THEMES} thema's voor de feedbackronde.")
        if set(themes) - set(record.themes):
            raise ServiceError("Kies alleen thema's uit de sessie waarop de ronde rust.")
        links = _new_links(invitees)
        if not 1 <= days <= MAX_DAYS:
            raise ServiceError(f"Kies een looptijd van 1 tot {MAX_DAYS} dagen.")
        answers = self.store.sessions.answers(session_id, with_notes=False)
        self_scores = {t: (answers[t].mastery if t in answers and answers[t].is_scored else None) for t in themes}
        round_id = self.store.mirror.create_round(
            self.me, " ".join(title.split())[:120] or "Feedbackronde", themes, self_scores, secrets.token_hex(8),
            in_days(days), _invites(links, waiting=facilitator_id is not None), facilitator_id)
        return round_id, ([] if facilitator_id is not None else links)

    @guarded(ROUND_OWNER)
    def add_invites(self, round_id: int, invitees: list[tuple[str, str]]) -> list[NewLink]:
        if self.found(self.store.mirror.round(round_id)).closed:
            raise ServiceError("Deze ronde is gesloten; er kunnen geen genodigden meer bij.")
        """New invitees; in a facilitated round they wait for the facilitator and no links come back here."""
        row = self.found(self.store.mirror.round(round_id))
        links = _new_links(invitees)
        self.store.mirror.add_invites(round_id, _invites(links, waiting=row.facilitated), issued=not row.facilitated)
        return [] if row.facilitated else links

    @guarded(SIGNED_IN)
    def my_rounds(self) -> list[MirrorRound]:
        return self.store.mirror.rounds_of(self.me)

    @guarded(ROUND_OWNER)
    def invites(self, round_id: int) -> list[MirrorInvite]:
        """Who was invited and whether they answered (never what they answered)."""
        return self.store.mirror.invites(round_id)

    @guarded(ROUND_OWNER)
    def close_round(self, round_id: int) -> None:
        self.store.mirror.close_round(round_id)

    @guarded(ROUND_OWNER)
    def delete_round(self, round_id: int) -> None:
        self.store.mirror.delete_round(round_id)

    @guarded(ROUND_OWNER)
    def outcome(self, round_id: int) -> RoundOutcome | None:
        """The aggregated result of a closed round, or None while it is open.

        Figures are shown only once a round is closed: comparing figures at two moments would reveal the
        answers that came in between. Comments appear only when at least three people responded.
        """
        row = self.found(self.store.mirror.round(round_id))
        if not row.closed:
            return None
        responses = self.store.mirror.responses(round_id)
        weights = {t: dict(self.library.theme(t).roles.model_dump()) for t in row.themes}
        result = aggregate(row.self_scores, responses, row.themes, weights)
        comments = ({t: anonymous_comments(responses, t, row.seed) for t in row.themes}
                    if len(responses) >= MIN_GROUP else {})
        return RoundOutcome(result, comments, len(responses))

    # --- the facilitator's side (a coach of the person) -------------------------------------------

    @guarded(SIGNED_IN)
    def facilitated_rounds(self) -> list[FacilitatedRound]:
        """The open rounds I hand out the links of, for people I still coach."""
        return [FacilitatedRound(r, len(self.store.mirror.pending_invites(r.id)))
                for r in self.store.mirror.facilitated_rounds(self.me)
                if not r.closed and self.store.coaching.active_scope(self.me, r.person_id) is not None]

    @guarded(ROUND_FACILITATOR)
    def issue_links(self, round_id: int) -> list[NewLink]:
        """Make the links of every waiting invitation of this round (shown once, to the facilitator only)."""
        if self.found(self.store.mirror.round(round_id)).closed:
            raise ServiceError("Deze ronde is gesloten; er worden geen links meer gemaakt.")
        waiting = self.store.mirror.pending_invites(round_id)
        links = [NewLink(label, category, credentials.new_token()) for _placeholder, label, category in waiting]
        self.store.mirror.issue(round_id, {placeholder: credentials.token_hash(link.token)
                                           for (placeholder, _l, _c), link in zip(waiting, links, strict=True)})
        return links

    # --- the rater's side (no account) ------------------------------------------------------------

    def _open_link(self, token: str) -> tuple[RaterLink, MirrorRound]:
        link = self.store.mirror.link(credentials.token_hash(token)) if token and len(token) <= 200 else None
        if link is None:
            raise RaterLinkProblem(_INVALID_LINK, "invalid")
        if link.used:
            raise RaterLinkProblem(_USED_LINK, "gone")
        row = self.store.mirror.round(link.round_id)
        if row is None or row.closed:
            raise RaterLinkProblem(_CLOSED_ROUND, "gone")
        return link, row

    @guarded(PUBLIC)
    def rater_form(self, token: str) -> RaterForm:
        link, row = self._open_link(token)
        return RaterForm(row.person_name, row.title, row.themes, row.expires_at, link.category,
                         row.facilitator_name if row.facilitated else "")

    @guarded(PUBLIC)
    def submit_feedback(self, token: str, ratings: Mapping[int, int | None], comments: Mapping[int, str]) -> None:
        """Store one rater's answers, once; the answers are checked before anything is written."""
        _link, row = self._open_link(token)
        themes = set(row.themes)
        clean_ratings: dict[int, int | None] = {}
        for theme in themes:
            value = ratings.get(theme)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5):
                raise RaterLinkProblem("Een score moet 1 tot en met 5 zijn, of 'kan ik niet beoordelen'.")
            clean_ratings[theme] = value
        if all(v is None for v in clean_ratings.values()):
            raise RaterLinkProblem("Geef bij minstens één thema een score; er is nog niets bewaard.")
        clean_comments = {t: str(c).strip()[:1500] for t, c in comments.items() if t in themes and str(c).strip()}
        if not self.store.mirror.store_response(credentials.token_hash(token), clean_ratings, clean_comments):
            raise RaterLinkProblem(_USED_LINK, "gone")  # another submit with this link came first


def _invites(links: Sequence[NewLink], *, waiting: bool) -> list[tuple[str, str, str]]:
    """Rows for the invitations: the token's hash, or for a facilitated round a placeholder that no token has
    (``wacht-`` is not hexadecimal, a SHA-256 is), replaced when the facilitator issues the link."""
    return [(f"wacht-{secrets.token_hex(16)}" if waiting else credentials.token_hash(k.token), k.label, k.category)
            for k in links]


def _new_links(invitees: Sequence[tuple[str, str]]) -> list[NewLink]:
    if not invitees or len(invitees) > MAX_INVITES:
        raise ServiceError(f"Nodig 1 tot {MAX_INVITES} mensen uit.")
    links = []
    for label, category in invitees:
        if category not in CATEGORIES:
            raise ServiceError("Kies voor elke genodigde een categorie: college, directieteam, medewerkers of extern.")
        links.append(NewLink(" ".join(str(label).split())[:80] or "Genodigde", category, credentials.new_token()))
    return links
