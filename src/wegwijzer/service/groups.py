"""Intervision groups: making and joining them, sharing a session's scores, the group dashboard and agenda."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from wegwijzer.content.methods import shared_methods
from wegwijzer.domain import agenda, credentials
from wegwijzer.domain.groups import GroupMember, GroupView, build_group_view, member_labels, pseudonym_order
from wegwijzer.domain.records import AgendaChoice, Group, Membership
from wegwijzer.service.access import GROUP_CREATOR, GROUP_MEMBER, SESSION_OWNER, SIGNED_IN, guarded
from wegwijzer.service.base import Part, ServiceError, clean_name

GROUP_NAMINGS = {"namen": "Met de naam van wie dat zelf goedvindt, de anderen als Deelnemer A, B, …",
                 "deelnemers": "Iedereen als Deelnemer A, B, C …"}
MAX_AGENDA = 8


@dataclass(frozen=True)
class GroupDashboard:
    """Everything the group page shows, as the current member may see it."""

    group: Group
    members: list[GroupMember]
    view: GroupView
    agenda: list[agenda.AgendaEntry]


class GroupService(Part):
    """``svc.groups``."""

    @guarded(SIGNED_IN)
    def mine(self) -> list[Group]:
        return self.store.groups.of_person(self.me)

    @guarded(SIGNED_IN)
    def create(self, name: str, naming: str = "namen") -> int:
        if naming not in GROUP_NAMINGS:
            raise ServiceError("Kies of de groep namen toont of deelnemers nummert.")
        return self.store.groups.create(clean_name(name, "groepsnaam"), self.me, credentials.new_code(), naming)

    @guarded(SIGNED_IN)
    def join(self, code: str) -> int:
        group = self.store.groups.by_code(credentials.normalise_code(code))
        if group is None:
            raise ServiceError("Deze code hoort bij geen groep. Controleer de code bij wie je uitnodigde.")
        self.store.groups.add_member(group.id, self.me)
        return group.id

    @guarded(GROUP_MEMBER)
    def get(self, group_id: int) -> Group:
        return self._as_seen(self.found(self.store.groups.get(group_id)))

    def _as_seen(self, group: Group) -> Group:
        if group.creator_id != self.me:  # only the facilitator sees and hands out the join code
            group = dataclasses.replace(group, join_code="")
        return group

    def _memberships(self, group_id: int) -> list[Membership]:
        """The members in the group's pseudonym order (never the order they joined)."""
        return pseudonym_order(self.store.groups.members(group_id), self.store.groups.pseudonym_seed(group_id))

    @guarded(GROUP_MEMBER)
    def members(self, group_id: int) -> list[GroupMember]:
        group = self.found(self.store.groups.get(group_id))
        return member_labels(group, self._memberships(group_id), self.me)

    @guarded(GROUP_MEMBER)
    def show_my_name(self, group_id: int, shown: bool) -> None:
        """My own choice: the group sees my name (when it uses names), or I stay "Deelnemer …"."""
        self.store.groups.set_shows_name(group_id, self.me, bool(shown))

    @guarded(GROUP_MEMBER, SESSION_OWNER)
    def share(self, group_id: int, session_id: int) -> None:
        record = self.found(self.store.sessions.get(session_id))
        if record.status != "afgerond":
            raise ServiceError("Deel alleen een afgeronde sessie. Rond de sessie eerst af op de vragenlijst.")
        self.store.groups.set_shared_session(group_id, self.me, session_id)

    @guarded(GROUP_MEMBER)
    def withdraw(self, group_id: int) -> None:
        self.store.groups.set_shared_session(group_id, self.me, None)

    @guarded(GROUP_MEMBER)
    def dashboard(self, group_id: int) -> GroupDashboard:
        """The group, its members, the figures of the shared scores (never notes) and the agenda."""
        group = self.found(self.store.groups.get(group_id))
        memberships = self._memberships(group_id)
        members = member_labels(group, memberships, self.me)
        view = build_group_view(self.library, group, members, self.store.groups.shared_answers(group_id),
                                [m.person_id for m in memberships])
        entries = agenda.current(self.library, group, view, shared_methods())
        return GroupDashboard(self._as_seen(group), members, view, entries)

    @guarded(GROUP_MEMBER)
    def leave(self, group_id: int) -> None:
        group = self.found(self.store.groups.get(group_id))
        if group.creator_id == self.me:
            raise ServiceError("Je hebt deze groep gemaakt. Hef de groep op in plaats van haar te verlaten.")
        self.store.groups.remove_member(group_id, self.me)

    @guarded(GROUP_CREATOR)
    def update(self, group_id: int, *, name: str | None = None, naming: str | None = None) -> None:
        if naming is not None and naming not in GROUP_NAMINGS:
            raise ServiceError("Kies of de groep namen toont of deelnemers nummert.")
        if name is not None:
            self.store.groups.rename(group_id, clean_name(name, "groepsnaam"))
        if naming is not None:
            self.store.groups.set_naming(group_id, naming)

    @guarded(GROUP_CREATOR)
    def roster(self, group_id: int) -> list[tuple[int, str]]:
        """For the facilitator, to remove someone: the other members' names, alphabetical, apart from any
        label or score, so it tells nothing about who is which "Deelnemer"."""
        return sorted(((m.person_id, m.name) for m in self.store.groups.members(group_id) if m.person_id != self.me),
                      key=lambda pair: (pair[1].casefold(), pair[0]))

    @guarded(GROUP_CREATOR)
    def remove_member(self, group_id: int, person_id: int) -> None:
        """Take a member out of the group; their shared scores leave with them."""
        if person_id == self.me:
            raise ServiceError("Je kunt jezelf niet verwijderen. Hef de groep op als je wilt stoppen.")
        if not (isinstance(person_id, int) and self.store.groups.is_member(group_id, person_id)):
            raise ServiceError("Deze persoon is geen lid (meer) van de groep.")
        self.store.groups.remove_member(group_id, person_id)

    @guarded(GROUP_CREATOR)
    def renew_code(self, group_id: int) -> str:
        """A new join code; the old one stops working at once (members stay members)."""
        code = credentials.new_code()
        self.store.groups.set_join_code(group_id, code)
        return code

    @guarded(GROUP_CREATOR)
    def save_agenda(self, group_id: int, items: Sequence[AgendaChoice]) -> None:
        """The facilitator's agenda; every theme must exist."""
        clean = []
        for item in items[:MAX_AGENDA]:
            if item.theme not in self.library.by_number:
                raise ServiceError(f"Thema {item.theme} bestaat niet; kies een thema uit de lijst.")
            clean.append(AgendaChoice(item.theme, item.method[:40], item.reason[:300]))
        self.store.groups.set_agenda(group_id, clean)

    @guarded(GROUP_CREATOR)
    def reset_agenda(self, group_id: int) -> None:
        """Drop the facilitator's agenda: the proposal from the shared figures stands again."""
        self.store.groups.set_agenda(group_id, None)

    @guarded(GROUP_CREATOR)
    def dissolve(self, group_id: int) -> None:
        self.store.groups.delete(group_id)
