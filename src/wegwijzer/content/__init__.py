"""Content: the book's themes and the data files in inhoud/, loaded once per process, validated, immutable."""
