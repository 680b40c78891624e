"""Wegwijzer's web server: the Streamlit app (app.py) plus the login routes of server mode.

Run with: streamlit run server.py  (local mode works the same; the login routes then stay unused)
"""

from contextlib import asynccontextmanager

import streamlit as st

from wegwijzer import web


@asynccontextmanager
async def lifespan(_app):
    web.create_admin_from_environment()
    yield


web.trust_forwarded_addresses_only_from_our_proxies()
app = st.App("app.py", routes=web.routes(), middleware=web.middleware(), lifespan=lifespan)
