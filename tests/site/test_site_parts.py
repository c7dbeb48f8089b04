"""The site's small parts: slugs, web addresses, the embedded index, the time axis."""

from __future__ import annotations

import datetime as dt
import json
import re
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kursk_pows.site import web_address
from kursk_pows.site.article import SHOWN_KEYS, Excluded, article_body, visible
from kursk_pows.site.search import embedded_json
from kursk_pows.site.slugs import MAX_LENGTH, Slugs
from kursk_pows.site.timeline import LEFT, RIGHT, axis, detail_window, half_open

SAFE = set("abcdefghijklmnopqrstuvwxyz0123456789-_")


@given(st.lists(st.text(min_size=1, max_size=120), max_size=20))
def test_slugs_are_safe_unique_file_names_even_ignoring_case(ids: list[str]) -> None:
    slugs = Slugs(ids)
    made = [slugs[i] for i in set(ids)]
    assert len({s.lower() for s in made}) == len(made)
    for slug in made:
        assert set(slug) <= SAFE
        assert slug[0].isalnum()
        assert len(slug) <= MAX_LENGTH + 8


def test_slugs_do_not_depend_on_the_order_ids_come_in() -> None:
    ids = ["claim:A.b", "claim:a-b", "claim:a.b", "x/../y"]
    forward, backward = Slugs(ids), Slugs(reversed(ids))
    assert [forward[i] for i in ids] == [backward[i] for i in ids]
    assert forward["claim:A.b"] == "claim-a-b"
    assert forward["claim:a-b"] == "claim-a-b-2"
    assert forward["x/../y"] == "x-y"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<b>", None),
        ("//example.org", None),
        ("https://exa mple.org", None),
        ("https://example.org/\u202e", None),
        ("https:///nohost", None),
        (None, None),
    ],
)
def test_only_plain_http_addresses_become_links(url: str | None, shown: str | None) -> None:
    assert web_address(url) == shown


@given(st.recursive(st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_the_embedded_index_round_trips_and_cannot_close_its_element(value: Any) -> None:
    text = embedded_json(value)
    assert json.loads(text) == value
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text


def test_the_embedded_index_escapes_by_hand() -> None:
    """U+2028 and U+2029 end a line in older JavaScript; ``<``, ``>`` and ``&`` could close
    the element; other text, and the key order, stay as they are."""
    value = {"b": "<\u2028>&\u2029é", "a": 1}
    assert embedded_json(value) == '{"a":1,"b":"\\u003c\\u2028\\u003e\\u0026\\u2029é"}'


def test_visible_text_keeps_line_breaks_and_shows_bidi_controls() -> None:
    assert visible("a\u202eb\nc\x1bd") == "a\\u202eb\nc\\x1bd"


def _event(
    eid: str,
    lo: dt.date | None,
    hi: dt.date | None,
    precision: str = "range",
    after: tuple[str, ...] = (),
) -> Any:
    date = SimpleNamespace(earliest=lo, latest=hi, precision=precision)
    return SimpleNamespace(id=eid, date=date, after=after)


def test_after_orderings_are_arrows_from_the_earlier_bar_to_the_later() -> None:
    day = dt.date(2025, 1, 1)
    events = [
        _event("event:a", day, day + dt.timedelta(days=9)),
        _event(
            "event:b", day + dt.timedelta(days=20), day + dt.timedelta(days=29), after=("event:a",)
        ),
        _event("event:c", day + dt.timedelta(days=5), None, after=("event:a",)),  # not drawn
        _event(
            "event:d",
            day + dt.timedelta(days=25),
            day + dt.timedelta(days=25),
            after=("event:c", "event:b"),
        ),
    ]
    drawn = axis(events)
    assert drawn is not None
    bars = {bar.event: bar for bar in drawn.bars}
    assert [(a.earlier, a.later) for a in drawn.arrows] == [
        ("event:a", "event:b"),
        ("event:b", "event:d"),  # event:c has no bar, so no arrow from it
    ]
    first = drawn.arrows[0]
    assert (first.x1, first.x2) == (bars["event:a"].x + bars["event:a"].width, bars["event:b"].x)
    assert (first.y1, first.y2) == (bars["event:a"].y + 18, bars["event:b"].y + 18)
    assert first.x1 < first.x2  # a ends before b starts


dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


@given(st.lists(st.tuples(st.none() | dates, st.none() | dates), max_size=12))
def test_each_event_bounded_on_both_sides_gets_one_bar_inside_the_axis(bounds: list[Any]) -> None:
    events = [
        _event(f"event:{n}", *sorted(pair, key=lambda d: d or dt.date.min))
        for n, pair in enumerate(bounds)
    ]
    drawn = axis(events)
    both = [e for e in events if e.date.earliest and e.date.latest]
    one = [e for e in events if (e.date.earliest is None) != (e.date.latest is None)]
    assert sorted(e.id for e in half_open(events)) == sorted(e.id for e in one)
    if not both:
        assert drawn is None
        return
    assert drawn is not None
    assert sorted(bar.event for bar in drawn.bars) == sorted(e.id for e in both)
    for bar in drawn.bars:
        assert LEFT <= bar.x <= RIGHT
        assert bar.x + bar.width <= RIGHT + 4.0
        assert not bar.open_start
        assert not bar.open_end


def test_a_day_is_narrower_than_a_month_and_an_open_end_is_listed_apart() -> None:
    day = _event("event:day", dt.date(2025, 1, 9), dt.date(2025, 1, 9), "day")
    month = _event("event:month", dt.date(2025, 1, 1), dt.date(2025, 1, 31), "month")
    before = _event("event:before", None, dt.date(2025, 1, 12))
    after = _event("event:after", dt.date(2024, 12, 1), None)
    unknown = _event("event:unknown", None, None)
    drawn = axis([day, month, before, after, unknown])
    assert drawn is not None
    bars = {bar.event: bar for bar in drawn.bars}
    assert sorted(bars) == ["event:day", "event:month"]
    assert bars["event:day"].width < bars["event:month"].width
    assert [e.id for e in half_open([day, month, before, after, unknown])] == [
        "event:after",
        "event:before",
    ]


def test_the_detail_axis_shows_the_last_weeks_day_by_day() -> None:
    old = _event("event:old", dt.date(2022, 2, 24), dt.date(2022, 2, 24), "day")
    long = _event("event:long", dt.date(2024, 8, 1), dt.date(2025, 1, 20))
    late = _event("event:late", dt.date(2025, 1, 9), dt.date(2025, 1, 9), "day")
    window = detail_window([old, long, late])
    assert window == (dt.date(2024, 12, 7), dt.date(2025, 1, 20))
    detail = axis([old, long, late], window)
    assert detail is not None
    assert [bar.event for bar in detail.bars] == ["event:long", "event:late"]
    assert detail.bars[0].open_start
    assert not detail.bars[0].open_end
    assert len(detail.ticks) == 45
    ninth = next(t for t in detail.ticks if t.day == "2025-01-09")
    assert ninth.label == "9"
    assert [m.label for m in detail.months] == ["December 2024", "January 2025"]
    assert detail_window([late]) is None


def test_a_tick_label_near_the_right_edge_ends_at_its_tick() -> None:
    first = _event("event:first", dt.date(2022, 2, 24), dt.date(2022, 2, 24), "day")
    last = _event("event:last", dt.date(2025, 1, 9), dt.date(2025, 1, 9), "day")
    drawn = axis([first, last])
    assert drawn is not None
    assert [(t.label, t.anchor) for t in drawn.ticks] == [
        ("2023", "start"),
        ("2024", "start"),
        ("2025", "end"),
    ]
    assert drawn.months == ()
    assert [bar.label_anchor for bar in drawn.bars] == ["start", "end"]


def _span(key: str, start: int, end: int) -> Any:
    return SimpleNamespace(key=key, start=start, end=end, record=f"claim:{key}")


def test_nested_quotes_name_a_bounded_number_of_records_per_run() -> None:
    text = "x" * 400
    depth = SHOWN_KEYS * 3
    spans = [_span(f"ev-{n}", n, len(text) - n) for n in range(depth)]
    body = str(article_body(text, spans, [], set()))
    runs = re.findall(r'data-ev="([^"]*)"(?: data-more="(\d+)")?', body)
    covering = [*range(1, depth + 1), *range(depth - 1, 0, -1)]  # nested: up, then down
    assert [len(keys.split()) + int(more or 0) for keys, more in runs] == covering
    assert [len(keys.split()) for keys, _ in runs] == [min(n, SHOWN_KEYS) for n in covering]
    assert [int(more) for _, more in runs if more] == [
        n - SHOWN_KEYS for n in covering if n > SHOWN_KEYS
    ]
    assert body.count('class="anchor"') == depth


def test_an_excluded_sentence_is_marked_where_it_stands_even_under_evidence() -> None:
    """Each run of an excluded sentence is wrapped in a span naming it, whether evidence covers
    it too or not; a run of evidence alone is never marked as excluded."""
    text = "Said one. Left out. Said two."
    excluded = [Excluded("x-1", 10, 19, "Left out.", "not about the event")]
    body = str(article_body(text, [_span("ev-1", 0, 14)], excluded, set()))
    wrapped = re.findall(r'<span class="excluded" data-x="([^"]*)">(.*?)</span>', body)
    assert [(key, re.sub(r"<[^>]*>", "", inner)) for key, inner in wrapped] == [
        ("x-1", "Left"),
        ("x-1", " out."),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A short name.", "A short name."),
        ("one two three four five six", "one two three"),
        ("Zelensky shares photos (the 'See the images' article) today", "Zelensky shares photos"),
        ("Tug (boats) manoeuvre the drifting tanker", "Tug (boats) manoeuvre the"),
        ("(an opening parenthesis at the very start", "(an opening"),
    ],
)
def test_a_shortened_label_is_the_start_of_the_name_with_no_open_parenthesis(
    text: str, expected: str
) -> None:
    from kursk_pows.site.model import shortened

    length = 15 if text.startswith("one") or text.startswith("(") else 27
    assert shortened(text, length) == expected


def test_a_label_is_cut_only_when_too_long_and_never_inside_parentheses() -> None:
    from kursk_pows.site.model import shortened

    assert shortened("one two", 7) == "one two"
    assert shortened("A tanker (the one that sank) drifts", 15) == "A tanker"


def test_a_search_entry_says_where_it_is_reported_when_it_is(dataset: Any) -> None:
    from kursk_pows.site.model import Site
    from kursk_pows.site.search import ARTICLES_NAMED, entries

    found = entries(Site(dataset))
    for entry in found:
        if not entry["reports"]:
            assert entry["where"] == "", entry["href"]
            continue
        assert entry["where"].startswith("in "), entry["href"]
        more = entry["reports"] - ARTICLES_NAMED
        assert entry["where"].endswith(f" and {more} more") == (more > 0), entry["href"]
    assert {bool(e["reports"]) for e in found} == {True, False}


def test_a_search_entry_quotes_each_of_its_evidence_items_found_in_its_article(
    dataset: Any,
) -> None:
    from kursk_pows.site.model import Site
    from kursk_pows.site.search import entries

    site = Site(dataset)
    claims = {site.href(c.id): c for c in dataset.claims.values()}
    quoted = 0
    for entry in entries(site):
        if entry["kind"] == "claim":
            claim = claims[entry["href"]]
            shown = [e.quote for n, e in enumerate(claim.evidence) if (claim.id, n) in site.span_of]
            assert [q[0] for q in entry["quotes"]] == shown, claim.id
            quoted += len(shown)
    assert quoted > 0


def test_a_search_entry_holds_the_words_to_find_it_by_and_the_day_it_is_known(
    dataset: Any,
) -> None:
    from kursk_pows.site.model import Site
    from kursk_pows.site.search import entries

    site = Site(dataset)
    found = {e["href"]: e for e in entries(site, lambda record_id: "2025-01-12")}
    for entity in dataset.entities.values():
        words = found[site.href(entity.id)]["text"]
        assert all(w in words for w in [*entity.aliases, entity.description or ""]), entity.id
    for source in dataset.sources.values():
        assert found[site.href(source.id)]["text"] == (source.publisher or ""), source.id
    assert any(e.description for e in dataset.entities.values())
    quotes = [q for e in found.values() for q in e["quotes"]]
    assert quotes
    assert all(len(q) == 4 and q[-1] == "2025-01-12" for q in quotes)
    assert {e["from"] for e in found.values()} == {"2025-01-12"}


def test_an_article_is_found_by_its_publisher(spec: Any, tmp_path: Any) -> None:
    import kursk_pows
    from kursk_pows.site.model import Site
    from kursk_pows.site.search import entries

    spec.one("source:test-article")["publisher"] = "The Kyiv Independent"
    site = Site(kursk_pows.load(spec.write(tmp_path / "data"), include_retracted=True))
    (article,) = [e for e in entries(site) if e["kind"] == "article"]
    assert article["text"] == "The Kyiv Independent"


def test_a_bar_from_the_middle_on_has_its_label_end_at_its_end() -> None:
    from kursk_pows.site.timeline import WIDTH, Bar

    def bar(x: float) -> Bar:
        return Bar("event:e", 0, x, 40.0, 0.0, False, False, "day")

    assert (bar(WIDTH / 2 - 1).label_anchor, bar(WIDTH / 2 - 1).label_x) == ("start", WIDTH / 2 - 1)
    assert (bar(WIDTH / 2).label_anchor, bar(WIDTH / 2).label_x) == ("end", WIDTH / 2 + 40)


def test_events_starting_together_are_in_the_order_of_their_last_day() -> None:
    """An open end counts as ending on the first day, a month after five days; an event with
    no date bound is not among the dated."""
    from kursk_pows.site.timeline import dated

    start = dt.date(2025, 1, 1)
    month = _event("event:a-month", start, dt.date(2025, 1, 31))
    days = _event("event:b-days", start, dt.date(2025, 1, 5))
    open_end = _event("event:c-open", start, None)
    unknown = _event("event:d-unknown", None, None)
    assert [e.id for e in dated([month, days, open_end, unknown])] == [
        "event:c-open",
        "event:b-days",
        "event:a-month",
    ]


def test_up_to_two_years_are_marked_by_month_and_longer_by_year() -> None:
    from kursk_pows.site.timeline import _month_ticks

    def labels(first: dt.date, last: dt.date) -> list[str]:
        return [t.label for t in _month_ticks(first, last, lambda d: float((d - first).days))]

    assert labels(dt.date(2024, 11, 15), dt.date(2025, 2, 10)) == ["2024-12", "2025-01", "2025-02"]
    assert labels(dt.date(2024, 12, 1), dt.date(2025, 1, 31)) == ["2024-12", "2025-01"]
    two_years = labels(dt.date(2023, 1, 1), dt.date(2025, 1, 1))
    assert (len(two_years), two_years[0], two_years[-1]) == (25, "2023-01", "2025-01")
    assert labels(dt.date(2023, 1, 1), dt.date(2025, 2, 1)) == ["2024", "2025"]


def test_a_tick_label_ends_at_its_tick_only_past_its_room() -> None:
    from kursk_pows.site.timeline import EDGE, _tick

    day = dt.date(2025, 1, 9)
    assert _tick(RIGHT - EDGE, "9", day).anchor == "start"
    assert _tick(RIGHT - EDGE + 1, "9", day).anchor == "end"


def test_the_first_month_is_named_when_its_name_fits_before_the_next() -> None:
    """Month names need 110 units: the window's first month is named only with that room."""
    from kursk_pows.site.timeline import _day_ticks

    def months(first: dt.date) -> list[str]:
        ticks = _day_ticks(first, dt.date(2025, 2, 3), lambda d: 10.0 * (d - first).days)[1]
        return [t.label for t in ticks]

    assert months(dt.date(2025, 1, 21)) == ["January 2025", "February 2025"]  # 110 apart
    assert months(dt.date(2025, 1, 22)) == ["February 2025"]  # 100 apart


def test_a_detail_window_only_when_the_axis_is_longer_than_four_windows() -> None:
    from kursk_pows.site.timeline import DETAIL_DAYS, detail_window

    start = dt.date(2024, 1, 1)
    first = _event("event:first", start, start)
    for gap, expected in ((4 * DETAIL_DAYS, False), (4 * DETAIL_DAYS + 1, True)):
        end = start + dt.timedelta(days=gap)
        window = detail_window([first, _event("event:last", end, end)])
        assert (window is not None) == expected, gap
    assert detail_window([]) is None
    assert detail_window([_event("event:open", start, None)]) is None


def test_an_axis_of_at_most_day_ticks_days_is_drawn_day_by_day() -> None:
    from kursk_pows.site.timeline import DAY_TICKS

    start = dt.date(2025, 1, 1)
    event = _event("event:e", start, start, "day")
    for days, by_day in ((DAY_TICKS, True), (DAY_TICKS + 1, False)):
        drawn = axis([event], (start, start + dt.timedelta(days=days - 1)))
        assert drawn is not None
        assert (len(drawn.ticks) == days) == by_day, days


def test_a_window_draws_only_the_events_that_overlap_it() -> None:
    def on(eid: str, lo: int, hi: int) -> Any:
        return _event(eid, dt.date(2025, 1, lo), dt.date(2025, 1, hi))

    window = (dt.date(2025, 1, 10), dt.date(2025, 1, 20))
    events = [on("event:before", 1, 9), on("event:into", 5, 10), on("event:in", 12, 14)]
    events += [on("event:out-of", 20, 25), on("event:after", 21, 30)]
    drawn = axis(events, window)
    assert drawn is not None
    assert sorted(bar.event for bar in drawn.bars) == ["event:in", "event:into", "event:out-of"]


def _three_days_out(day: dt.date, step: int) -> dt.date:
    """``day`` moved three days by ``step`` (-1 or 1), or left as it is where the calendar
    has no three days more that way."""
    moved = day.toordinal() + 3 * step
    return dt.date.fromordinal(moved) if 1 <= moved <= dt.date.max.toordinal() else day


@given(dates, dates)
def test_the_whole_axis_has_three_days_of_room_on_each_side_where_the_calendar_has_them(
    one: dt.date, other: dt.date
) -> None:
    lo, hi = sorted((one, other))
    drawn = axis([_event("event:e", lo, hi)])
    assert drawn is not None
    assert (drawn.first, drawn.last) == (_three_days_out(lo, -1), _three_days_out(hi, 1))


@pytest.mark.parametrize(
    ("day", "first", "last"),
    [
        (dt.date(1, 1, 4), dt.date(1, 1, 1), dt.date(1, 1, 7)),  # room to the first day exactly
        (dt.date(1, 1, 3), dt.date(1, 1, 3), dt.date(1, 1, 6)),
        (dt.date(9999, 12, 28), dt.date(9999, 12, 25), dt.date(9999, 12, 31)),  # to the last
        (dt.date(9999, 12, 29), dt.date(9999, 12, 26), dt.date(9999, 12, 29)),
        (dt.date(9999, 12, 31), dt.date(9999, 12, 28), dt.date(9999, 12, 31)),
    ],
)
def test_the_axis_room_reaches_the_calendars_first_and_last_day(
    day: dt.date, first: dt.date, last: dt.date
) -> None:
    drawn = axis([_event("event:e", day, day, "day")])
    assert drawn is not None
    assert (drawn.first, drawn.last) == (first, last)


def test_a_bar_from_the_windows_first_day_to_its_last_is_closed_at_both_ends() -> None:
    window = (dt.date(2025, 1, 10), dt.date(2025, 1, 20))
    drawn = axis([_event("event:e", *window)], window)
    assert drawn is not None
    (bar,) = drawn.bars
    assert (bar.open_start, bar.open_end, bar.x) == (False, False, LEFT)
    assert bar.x + bar.width == pytest.approx(RIGHT)
