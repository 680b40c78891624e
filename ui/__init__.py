"""Shared Streamlit code for the page scripts in app_pages/ (no page runs here)."""
