"""Administration: accounts and password resets. Administrators see names and e-mail addresses, no answers."""

import streamlit as st

from ui.context import require_login
from ui.widgets import refused, table
from wegwijzer import text
from wegwijzer.service import ServiceError
from wegwijzer.service.access import AccessDenied

svc = require_login()
st.title("Beheer")
try:
    accounts = svc.admin.accounts()
except AccessDenied as exc:
    refused(exc)
    st.stop()

st.markdown("Hier beheer je de accounts van deze Wegwijzer. Als beheerder zie je namen en e-mailadressen, "
            "nooit antwoorden, notities of groepen.")
table([{"Naam": a.name, "E-mailadres": a.email, "Beheerder": "ja" if a.is_admin else "",
               "Sinds": text.date(a.created_at), "Moet wachtwoord kiezen": "ja" if a.must_change_password else ""}
              for a in accounts])

st.header("Wachtwoord opnieuw instellen")
st.markdown("Er is geen mailserver nodig: je krijgt een tijdelijk wachtwoord dat je zelf doorgeeft, bij voorkeur "
            "mondeling of via een ander kanaal dan het e-mailadres. Bij de eerstvolgende keer inloggen kiest de "
            "persoon een eigen wachtwoord. Alle bestaande logins van die persoon worden beëindigd.")
options = {a.person_id: f"{a.name} ({a.email})" for a in accounts}
with st.form("reset"):
    who = st.selectbox("Account", list(options), format_func=options.get)
    sure = st.checkbox("Ja, stel een tijdelijk wachtwoord in")
    if st.form_submit_button("Tijdelijk wachtwoord maken", type="primary"):
        if not sure:
            st.error("Vink eerst aan dat je het wachtwoord opnieuw wilt instellen.")
        else:
            try:
                temporary = svc.admin.reset_password(who)
            except (ServiceError, AccessDenied) as exc:
                refused(exc)
            else:
                st.success("Tijdelijk wachtwoord voor dit account (wordt maar één keer getoond):")
                st.code(temporary, language=None)
