"""What an administrator did to your account, shown to you: on the start page for a month, on the account page always."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from wegwijzer import text
from wegwijzer.domain.records import AccountEvent
from wegwijzer.service import Service

RECENT_DAYS = 30
WARNING = ("Heb je zelf niet om een nieuw wachtwoord gevraagd, of heb je het niet zelf ingesteld? Dan kan iemand "
           "anders met je account hebben ingelogd. Wijzig je wachtwoord en meld het bij je organisatie.")


def sentence(event: AccountEvent) -> str:
    when = text.date(event.at)
    if event.kind == "reset_issued":
        who = f"een beheerder ({text.plain(event.admin_name)})" if event.admin_name else "een beheerder"
        return f"Op {when} heeft {who} een herstelcode voor je wachtwoord gemaakt."
    return f"Op {when} is met een herstelcode een nieuw wachtwoord voor je account ingesteld."


def show(svc: Service, *, recent_only: bool) -> None:
    """The account events as one notice; nothing when there are none (they cannot be dismissed or removed)."""
    since = ""
    if recent_only:
        since = (dt.datetime.now(dt.UTC) - dt.timedelta(days=RECENT_DAYS)).isoformat(timespec="seconds")
    events = svc.account.events(since)
    if events:
        st.warning("  \n".join(sentence(e) for e in events) + "\n\n" + WARNING, icon=":material/admin_panel_settings:")
