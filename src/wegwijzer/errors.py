"""The exception bases every layer raises: a Dutch message for the person, a list of data-file problems."""

from __future__ import annotations

from collections.abc import Sequence


class DutchMessage(Exception):
    """A refusal or problem whose ``message`` is Dutch and can be shown to the person as it is."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class DataFileError(ValueError):
    """A data file in ``inhoud/`` that cannot be used; ``problems`` holds one Dutch line per problem."""

    def __init__(self, problems: Sequence[str]):
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))
