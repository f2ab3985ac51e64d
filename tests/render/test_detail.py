"""The detail panel: every statement by source, and the incidents as ranges."""

from __future__ import annotations

from mapping.render.detail import (
    figures_over_time,
    headline_text,
    incident_table,
    latest_killed,
    source_cards,
)


def test_each_source_is_one_card_with_its_party_and_statements(seed_layers):
    cards = source_cards(seed_layers, "2025-04-04-kryvyi-rih")
    assert len(cards) == len(
        seed_layers.sources[seed_layers.sources["incident_id"] == "2025-04-04-kryvyi-rih"]
    )
    ru = next(card for card in cards if card.party == "Russian government")
    assert "up to 85 military killed [claimed]" in "; ".join(ru.casualties)
    assert "up to 20 military vehicle damaged [claimed]" in "; ".join(ru.damage)
    assert "; ".join(ru.claims).startswith("target: a meeting of unit commanders")


def _zelensky(layers) -> str:
    cards = source_cards(layers, "2025-04-04-kryvyi-rih")
    return "; ".join(next(card for card in cards if "Zelensky" in card.name).casualties)


def test_figures_keep_their_time_and_the_earlier_toll_stays_listed(seed_layers):
    zelensky = _zelensky(seed_layers)
    assert zelensky.index("14 killed") < zelensky.index("16 killed")
    assert "(as of 2025-04-04)" in zelensky


def test_an_unknown_incident_has_no_cards(seed_layers):
    assert source_cards(seed_layers, "no-such-incident") == []


def test_incident_table_writes_headline_ranges(seed_layers):
    table = incident_table(seed_layers.incidents).set_index("id")
    assert table.loc["2025-04-04-kryvyi-rih", "killed"] == "≥ 16"
    assert table.loc["2023-01-14-dnipro", "killed"] == "21–46"
    assert table.loc["2025-04-04-kryvyi-rih", "contested"]
    assert table.loc["2025-04-13-sumy", "weapon"] == "Iskander-M"


def test_only_http_links_reach_the_detail_panel(resolved):
    from layers import build_layers
    from mapping.tables import incident_tables

    incident = resolved[0]
    sources = [
        incident.sources[0].model_copy(update={"url": "javascript:alert(1)"}),
        incident.sources[1].model_copy(update={"url": "data:text/html,<script>x</script>"}),
        *incident.sources[2:],
    ]
    layers = build_layers(
        incident_tables([incident.model_copy(update={"sources": tuple(sources)})])
    )
    urls = [card.url for card in source_cards(layers, incident.id)]
    assert not [u for u in urls if u and not u.startswith(("http://", "https://"))]
    assert urls[:2] == ["", ""]


def test_the_earlier_toll_is_marked_superseded(seed_layers):
    zelensky = _zelensky(seed_layers)
    assert "14 killed [reported, superseded]" in zelensky
    assert "16 killed [reported] (as of 2025-04-04)" in zelensky


def test_the_latest_credible_figure_names_who_and_when(seed_layers):
    incidents = seed_layers.incidents.set_index("id")
    assert latest_killed(incidents.loc["2025-04-04-kryvyi-rih"]) == (
        "Latest credible killed figure: at least 18 (Novinite, 2025-04-07)"
    )
    assert (
        incident_table(seed_layers.incidents)
        .set_index("id")
        .loc["2025-04-04-kryvyi-rih", "latest killed"]
        == "≥ 18"
    )


def test_figures_over_time_follow_each_source(seed_layers):
    moves = figures_over_time(seed_layers, "2025-04-04-kryvyi-rih")
    assert set(moves.columns) == {"source", "as_of", "figure", "range", "status"}
    assert moves["as_of"].notna().all()
    novinite = moves[moves["source"] == "Novinite"]
    assert novinite[["figure", "range"]].values.tolist() == [[18, "at least 18"]]
    assert not moves["source"].str.contains("Defence").any()  # its claim is about the military
    assert figures_over_time(seed_layers, "no-such-incident").empty


def test_the_dossier_opens_with_the_headline_and_a_card_per_source(seed_layers):
    incident = seed_layers.incidents.set_index("id").loc["2025-04-04-kryvyi-rih"]
    assert headline_text(incident).startswith("Killed: at least 16 · Injured: at least 51")
    cards = source_cards(seed_layers, "2025-04-04-kryvyi-rih")
    ru = next(card for card in cards if card.party == "Russian government")
    assert any(line.startswith("up to 85 military killed [claimed]") for line in ru.casualties)
    assert ru.claims[0].startswith("target: a meeting of unit commanders")
    zelensky = next(card for card in cards if "Zelensky" in card.name)
    assert zelensky.casualties[0] == "14 killed [reported, superseded] (as of 2025-04-04)"


def test_incident_table_lists_the_latest_first_up_to_a_limit(seed_layers):
    everything = incident_table(seed_layers.incidents)
    first = incident_table(seed_layers.incidents, limit=2)
    assert len(first) == 2
    assert first["id"].tolist() == everything["id"].tolist()[:2]
    assert everything["date"].is_monotonic_decreasing
