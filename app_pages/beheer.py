"""Administration: accounts and reset codes. Administrators see names and e-mail addresses, no answers."""

import streamlit as st

from ui.context import require_login
from ui.widgets import refused, table
from wegwijzer import text
from wegwijzer.domain.credentials import RESET_CODE_DAYS
from wegwijzer.service import ServiceError
from wegwijzer.service.access import AccessDenied

svc = require_login()
st.title("Beheer")
try:
    accounts = svc.admin.accounts()
    open_resets = svc.admin.open_resets()
except AccessDenied as exc:
    refused(exc)
    st.stop()

st.markdown("Hier beheer je de accounts van deze Wegwijzer. Als beheerder zie je namen en e-mailadressen, "
            "nooit antwoorden, notities of groepen, en je kunt niet als iemand anders inloggen.")
table([{"Naam": a.name, "E-mailadres": a.email, "Beheerder": "ja" if a.is_admin else "",
        "Sinds": text.date(a.created_at),
        "Herstelcode geldig tot": text.date(open_resets[a.person_id]) if a.person_id in open_resets else ""}
       for a in accounts])

st.header("Herstelcode voor een vergeten wachtwoord")
st.markdown(f"Er is geen mailserver nodig: je maakt een herstelcode en geeft die zelf door, mondeling of via een "
            f"ander kanaal dan het e-mailadres. De persoon kiest daarmee op de inlogpagina (*Wachtwoord vergeten*) "
            f"een nieuw wachtwoord. De code werkt één keer, {RESET_CODE_DAYS} dagen lang, en verandert niets "
            f"zolang niemand hem gebruikt: het oude wachtwoord blijft tot dan gewoon werken. Een nieuwe code "
            f"vervangt een oudere.\n\n"
            f"De persoon ziet bij het volgende inloggen dat en wanneer jij een herstelcode maakte, en wanneer die "
            f"gebruikt is. Gebruik de code dus nooit zelf.")
options = {a.person_id: f"{a.name} ({a.email})" for a in accounts}
with st.form("reset"):
    who = st.selectbox("Account", list(options), format_func=options.get)
    sure = st.checkbox("Ja, maak een herstelcode voor dit account")
    if st.form_submit_button("Herstelcode maken", type="primary"):
        if not sure:
            st.error("Vink eerst aan dat je een herstelcode wilt maken.")
        else:
            try:
                code = svc.admin.issue_reset(who)
            except (ServiceError, AccessDenied) as exc:
                refused(exc)
            else:
                st.success(f"Herstelcode voor {text.plain(options[who])}. Hij wordt maar één keer getoond; geef hem "
                           f"persoonlijk door.")
                st.code(code, language=None)
