"""Turning results into things people read: rendered reports, the rule catalog, the
datasheet, coverage and the progress line."""
