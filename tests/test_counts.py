from __future__ import annotations

import pytest
from pydantic import ValidationError

from mapping.counts import CountRange, parse_count


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (14, (14, 14)),
        (14.0, (14, 14)),
        (0, (0, 0)),
        ({"min": 16}, (16, None)),
        ({"max": 85}, (None, 85)),
        ({"min": 117, "max": 119}, (117, 119)),
        ("14", (14, 14)),
        ("at least 16", (16, None)),
        ("At least  16", (16, None)),
        ("over 50", (51, None)),
        ("more than 30", (31, None)),
        ("up to 85", (None, 85)),
        ("fewer than 10", (None, 9)),
        ("45-46", (45, 46)),
        ("45 to 46", (45, 46)),
        ("20+", (20, None)),
    ],
)
def test_count_forms_mean_what_analysts_mean(written, expected):
    count = CountRange.model_validate(written)
    assert (count.min, count.max) == expected


def test_over_50_means_at_least_51():
    assert parse_count("over 50") == (51, None)


@pytest.mark.parametrize(
    ("written", "complaint"),
    [
        (-3, "negative"),
        ({"min": -1}, "greater than or equal to 0"),
        ({"min": 9, "max": 3}, r"min \(9\) is greater than max \(3\)"),
        ({}, "needs min, max or both"),
        ({"min": 1, "most": 3}, "Extra inputs"),
        ("dozens", "cannot read 'dozens'"),
        ("fewer than 0", "not a possible count"),
        (True, "not true/false"),
        (2.5, "whole number"),
    ],
)
def test_impossible_counts_are_refused(written, complaint):
    with pytest.raises(ValidationError, match=complaint):
        CountRange.model_validate(written)


@pytest.mark.parametrize(
    ("count", "text", "dumped"),
    [
        (CountRange(min=14, max=14), "14", 14),
        (CountRange(min=16), "at least 16", {"min": 16}),
        (CountRange(max=85), "up to 85", {"max": 85}),
        (CountRange(min=117, max=119), "117–119", {"min": 117, "max": 119}),
    ],
)
def test_counts_are_written_back_as_analysts_write_them(count, text, dumped):
    assert count.describe() == text
    assert count.model_dump() == dumped
