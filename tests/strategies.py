"""Hypothesis strategies that generate valid incidents, for round-trip and property tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from mapping.counts import CountRange
from mapping.model import (
    CasualtyReport,
    Claim,
    ClaimTopic,
    DamageObject,
    DamageReport,
    DatePrecision,
    Group,
    Incident,
    Party,
    Place,
    Precision,
    Severity,
    Source,
    Status,
    Weapon,
)
from mapping.weapons import WeaponCategory

# Report text is untrusted: names and notes include markup, quotes and other scripts. Left
# out: what no record may hold (controls, surrogates, the noncharacters U+FFFE/FFFF).
text = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff"
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s and s != "")
slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))
times = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2035, 12, 31)).map(
    lambda t: t.replace(microsecond=0)
)
whens = st.one_of(st.none(), days, times)


@st.composite
def count_ranges(draw) -> CountRange:
    low = draw(st.one_of(st.none(), st.integers(0, 10_000)))
    if low is None:
        return CountRange(max=draw(st.integers(0, 10_000)))
    high = draw(st.one_of(st.none(), st.integers(low, low + 500)))
    return CountRange(min=low, max=high)


@st.composite
def places(draw) -> Place:
    located = draw(st.booleans())
    return Place(
        name=draw(text),
        country=draw(st.one_of(st.none(), st.sampled_from(["UA", "RU", "SY", "NO"]))),
        admin1=draw(st.one_of(st.none(), text)),
        lat=draw(st.floats(-90, 90)) if located else None,
        lon=draw(st.floats(-180, 180)) if located else None,
        precision=draw(st.sampled_from(Precision)) if located else None,
        radius_m=draw(st.one_of(st.none(), st.floats(0, 50_000))),
    )


@st.composite
def incidents(draw) -> Incident:
    source_ids = draw(st.lists(slugs, min_size=1, max_size=4, unique=True))
    sources = tuple(
        Source(
            id=source_id,
            name=draw(text),
            party=draw(st.sampled_from(Party)),
            url=draw(st.one_of(st.none(), st.just("https://example.org/a?b=1"), text)),
            published=draw(whens),
        )
        for source_id in source_ids
    )
    source_of = st.sampled_from(source_ids)
    casualties = draw(
        st.lists(
            st.builds(
                CasualtyReport,
                source=source_of,
                group=st.sampled_from(Group),
                killed=count_ranges(),
                injured=st.one_of(st.none(), count_ranges()),
                as_of=whens,
                status=st.sampled_from(Status),
                note=st.one_of(st.none(), text),
            ),
            max_size=4,
        )
    )
    damage = draw(
        st.lists(
            st.builds(
                DamageReport,
                source=source_of,
                object=st.sampled_from(DamageObject),
                count=st.one_of(st.none(), count_ranges()),
                severity=st.sampled_from(Severity),
                status=st.sampled_from(Status),
            ),
            max_size=3,
        )
    )
    claims = draw(
        st.lists(
            st.builds(
                Claim,
                source=source_of,
                about=st.sampled_from(ClaimTopic),
                text=text,
                status=st.sampled_from(Status),
                disputed_by=st.lists(source_of, max_size=2).map(tuple),
            ),
            max_size=2,
        )
    )
    weapon = draw(
        st.one_of(
            st.none(),
            st.builds(
                Weapon,
                system=st.sampled_from(["Iskander-M", "Kh-101", "Shahed", "Wunderwaffe"]),
                category=st.one_of(st.none(), st.sampled_from(WeaponCategory)),
                source=st.one_of(st.none(), source_of),
            ),
        )
    )
    return Incident(
        id=draw(slugs),
        date=draw(days),
        time=draw(st.one_of(st.none(), st.times().map(lambda t: t.replace(microsecond=0)))),
        date_precision=draw(st.sampled_from(DatePrecision)),
        place=draw(places()),
        weapon=weapon,
        sources=sources,
        casualties=tuple(casualties),
        damage=tuple(damage),
        claims=tuple(claims),
        notes=draw(st.one_of(st.none(), text)),
        tags=tuple(draw(st.lists(text, max_size=3))),
    )
