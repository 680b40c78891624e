"""What a person keeps for themselves beside sessions: own function profiles and answers to the 2020 study."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from wegwijzer.clock import now
from wegwijzer.domain.records import StudyAnswers
from wegwijzer.storage.database import Database


def _study_answers(data: Mapping[str, Any]) -> StudyAnswers:
    def points(value: Any) -> dict[str, int]:
        if not isinstance(value, Mapping):
            return {}
        return {str(k): v for k, v in value.items() if isinstance(v, int) and not isinstance(v, bool)}

    def choice(value: Any) -> str | None:
        return value if isinstance(value, str) else None

    return StudyAnswers(steering=points(data.get("steering")), pillars=points(data.get("pillars")),
                        perspective=choice(data.get("perspective")), leadership=choice(data.get("leadership")),
                        repertoire=choice(data.get("repertoire")))


class Personal:
    """Named reads and writes on ``own_profiles`` and ``research_answers``."""

    def __init__(self, db: Database):
        self.db = db

    def profiles(self, person_id: int) -> list[tuple[int, dict[str, Any]]]:
        """A person's own profiles as (id, the stored fields), oldest first; the service validates them."""
        rows = self.db.rows("SELECT id, data FROM own_profiles WHERE person_id = ? ORDER BY id", (person_id,))
        result = []
        for r in rows:
            try:
                data = json.loads(r["data"])
            except ValueError:
                continue  # unreadable: skipped, like a profile that no longer validates
            if isinstance(data, dict):
                result.append((int(r["id"]), data))
        return result

    def profile_owner(self, profile_id: int) -> int | None:
        row = self.db.row("SELECT person_id FROM own_profiles WHERE id = ?", (profile_id,))
        return int(row["person_id"]) if row else None

    def save_profile(self, person_id: int, data: Mapping[str, Any]) -> int:
        with self.db.write() as conn:
            return int(conn.execute("INSERT INTO own_profiles (person_id, data, updated_at) VALUES (?, ?, ?)",
                                    (person_id, json.dumps(data, ensure_ascii=False), now())).lastrowid)

    def delete_profile(self, profile_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM own_profiles WHERE id = ?", (profile_id,))

    def study_answers(self, person_id: int) -> StudyAnswers | None:
        row = self.db.row("SELECT data FROM research_answers WHERE person_id = ?", (person_id,))
        if row is None:
            return None
        try:
            data = json.loads(row["data"])
        except ValueError:
            return None
        return _study_answers(data) if isinstance(data, dict) else None

    def save_study_answers(self, person_id: int, answers: StudyAnswers) -> None:
        data = json.dumps({"steering": dict(answers.steering), "pillars": dict(answers.pillars),
                           "perspective": answers.perspective, "leadership": answers.leadership,
                           "repertoire": answers.repertoire}, ensure_ascii=False)
        with self.db.write() as conn:
            conn.execute("INSERT INTO research_answers (person_id, data, updated_at) VALUES (?, ?, ?)"
                         " ON CONFLICT(person_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                         (person_id, data, now()))
