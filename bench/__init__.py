"""Wegwijzer's benchmark: `python -m bench` prints one line per figure, ending in PASS or FAIL."""
