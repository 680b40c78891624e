"""The change-password form, used by the account page and after an administrator's reset."""

import streamlit as st

from ui.widgets import refused, same_tab_link
from wegwijzer.service import Service, ServiceError


def change_password_form(svc: Service) -> None:
    with st.form("change_password", clear_on_submit=True):
        current = st.text_input("Huidig wachtwoord", type="password")
        new = st.text_input("Nieuw wachtwoord (minstens 10 tekens)", type="password")
        again = st.text_input("Nieuw wachtwoord, nog een keer", type="password")
        if st.form_submit_button("Wachtwoord wijzigen", type="primary"):
            if new != again:
                st.error("De twee nieuwe wachtwoorden zijn niet gelijk.")
                return
            try:
                svc.account.change_password(current, new)
            except ServiceError as exc:
                refused(exc)
            else:
                # changing the password ends every login, this one too
                st.success("Je wachtwoord is gewijzigd. Log opnieuw in met je nieuwe wachtwoord.")
                same_tab_link("Opnieuw inloggen", "inloggen", primary=True)
                st.stop()
