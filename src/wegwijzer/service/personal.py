"""What a person keeps for themselves beside sessions: own function profiles and answers to the 2020 study."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wegwijzer.content.profiles import FunctionProfile, ProfileError, profile_from_dict
from wegwijzer.domain.records import StudyAnswers
from wegwijzer.service.access import PROFILE_OWNER, SIGNED_IN, guarded
from wegwijzer.service.base import Part

MAX_POINTS_ITEMS = 20


class PersonalService(Part):
    """``svc.personal``."""

    @guarded(SIGNED_IN)
    def profiles(self) -> list[tuple[int, FunctionProfile]]:
        result = []
        for profile_id, data in self.store.personal.profiles(self.me):
            try:
                result.append((profile_id, profile_from_dict(data)))
            except ProfileError:
                continue  # a profile that no longer validates is skipped, not shown half
        return result

    @guarded(SIGNED_IN)
    def save_profile(self, data: Mapping[str, Any]) -> int:
        """Validate and store a new own profile; raises ProfileError with Dutch problems."""
        profile = profile_from_dict(dict(data))
        return self.store.personal.save_profile(self.me, profile.model_dump(mode="json"))

    @guarded(PROFILE_OWNER)
    def delete_profile(self, profile_id: int) -> None:
        self.store.personal.delete_profile(profile_id)

    @guarded(SIGNED_IN)
    def study_answers(self) -> StudyAnswers | None:
        return self.store.personal.study_answers(self.me)

    @guarded(SIGNED_IN)
    def save_study_answers(self, answers: StudyAnswers) -> None:
        def points(values: Mapping[str, int]) -> dict[str, int]:
            return {str(k)[:40]: int(v) for k, v in list(values.items())[:MAX_POINTS_ITEMS]}

        def choice(value: str | None) -> str | None:
            return value[:40] if value else None

        self.store.personal.save_study_answers(self.me, StudyAnswers(
            steering=points(answers.steering), pillars=points(answers.pillars), perspective=choice(answers.perspective),
            leadership=choice(answers.leadership), repertoire=choice(answers.repertoire)))
