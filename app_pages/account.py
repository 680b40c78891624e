"""Account: who is logged in, change the password, log out (everywhere)."""

import streamlit as st

from ui import account_events
from ui.account_form import change_password_form
from ui.context import require_login
from ui.widgets import same_tab_link
from wegwijzer.text import plain

svc = require_login()
account = svc.account.mine()
st.title("Account")
st.markdown(f"Ingelogd als **{plain(account.name)}** ({plain(account.email)})" if account else "")
st.markdown("Uitloggen beëindigt je sessie op al je apparaten en in al je vensters.")
same_tab_link("Uitloggen", "uitloggen")
st.header("Wachtwoord wijzigen")
change_password_form(svc)
st.header("Wat een beheerder met je account deed")
st.markdown("Een beheerder kan je antwoorden niet inzien en niet als jou inloggen. Hij of zij kan alleen een "
            "herstelcode voor je wachtwoord maken. Elke herstelcode die gemaakt of gebruikt is, staat hieronder; "
            "niemand kan dat weghalen.")
if account:
    account_events.show(svc, recent_only=False)
    if not svc.account.events():
        st.caption("Niets: er is nooit een herstelcode voor je account gemaakt.")
