"""A file under /media/ is for the person it was made for, and only for a while."""

from __future__ import annotations

from wegwijzer.web import media


def test_a_grant_is_for_one_person_and_expires():
    media.grant("abc123", 7, now=1000.0)
    assert media.may_fetch("/media/abc123.csv", 7, now=1001.0)
    assert not media.may_fetch("/media/abc123.csv", 8, now=1001.0)  # another account
    assert not media.may_fetch("/media/abc123.csv", None, now=1001.0)  # nobody logged in
    assert not media.may_fetch("/media/other.csv", 7, now=1001.0)  # a file never granted
    assert not media.may_fetch("/media/abc123.csv", 7, now=1000.0 + media.GRANT_SECONDS)  # expired


def test_expired_grants_are_dropped():
    media.grant("old", 1, now=0.0)
    media.grant("new", 1, now=media.GRANT_SECONDS + 1.0)
    assert ("old", 1) not in media._grants
