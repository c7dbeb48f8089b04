"""The dataset as a static web site: articles with their evidence highlighted, a page per
entity and event, a timeline, the disagreements and a search (extra ``site``)."""

from .build import build_site, web_address

__all__ = ["build_site", "web_address"]
