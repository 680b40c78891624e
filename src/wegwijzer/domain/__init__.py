"""Domain: pure rules on content and records; no SQL, no figures, no templates."""
