"""Storage: the only place that speaks SQL."""
