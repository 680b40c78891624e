"""Wegwijzer: a reflection app for Dutch municipal secretaries. This package never imports streamlit."""

__version__ = "0.1.0"
