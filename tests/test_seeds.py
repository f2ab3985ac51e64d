"""The bundled seeds represent the reference cases faithfully."""

from __future__ import annotations

from mapping.model import CasualtyCategory, Group, Party, Status


def test_seeds_hold_the_three_reference_incidents(seeds):
    assert sorted(i.id for i in seeds.incidents) == [
        "2023-01-14-dnipro",
        "2025-04-04-kryvyi-rih",
        "2025-04-13-sumy",
    ]
    assert not seeds.warnings


def test_kryvyi_rih_keeps_both_sides_apart(kryvyi_rih):
    russian = [c for c in kryvyi_rih.casualties if c.source == "ru-mod"]
    assert len(russian) == 1
    assert russian[0].status == Status.CLAIMED
    assert (russian[0].group, russian[0].killed.min, russian[0].killed.max) == (
        Group.MILITARY,
        None,
        85,
    )
    assert kryvyi_rih.source("ru-mod").party == Party.RUSSIA_GOVERNMENT
    (target,) = [c for c in kryvyi_rih.claims if c.source == "ru-mod"]
    assert target.status == Status.DISPUTED
    assert "Western instructors" in target.text
    assert set(target.disputed_by) == {"ua-general-staff", "nyt"}


def test_kryvyi_rih_keeps_the_figure_that_changed_over_time(kryvyi_rih):
    president = [
        figure.min
        for report in kryvyi_rih.casualties
        if report.source == "ua-president" and report.group == Group.UNSPECIFIED
        for category, figure in report.figures()
        if category == CasualtyCategory.KILLED
    ]
    assert president == [14, 16]
    authorities = next(c for c in kryvyi_rih.casualties if c.source == "ua-authorities")
    assert (authorities.killed.min, authorities.killed.max) == (16, None)
    assert (authorities.injured.min, authorities.injured.max) == (51, None)


def test_kryvyi_rih_place_is_a_city_not_an_impact_point(kryvyi_rih):
    assert kryvyi_rih.place.name == "Kryvyi Rih"
    assert not kryvyi_rih.place.located  # the geocoder decides, and says "settlement"
    assert kryvyi_rih.weapon.canonical_system == "Iskander-M"
