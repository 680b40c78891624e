"""Account: who is logged in, change the password, log out (everywhere)."""

import streamlit as st

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
