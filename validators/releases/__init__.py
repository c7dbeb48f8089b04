"""Maintaining releases: canonical rewriting (fmt), the manifest, diffs between releases
and atomic writes."""
