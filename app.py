"""strikemap in the browser: load records, filter, see the map, read the sources, download.

UI wiring only: every computation is a function in `mapping` or `layers`.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import mimetypes
import tempfile
from functools import partial
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from mapping import __version__
from mapping.extraction import extract_draft
from mapping.filters import BETWEEN_DATES, DATE_PRESETS, IncidentFilter, preset_dates
from mapping.formats import READABLE_SUFFIXES, export_bytes
from mapping.geocoding import default_geocoder
from mapping.geocoding.gazetteer import Gazetteer
from mapping.html import escape_markdown, markdown_url
from mapping.labels import human_label
from mapping.merging import MergeResult, merge_group, merge_incidents
from mapping.merging.review import decisions_from, proposals
from mapping.model import Party, Status
from mapping.pipeline import Prepared, data_folders, inside_folders, matches_of, prepare
from mapping.records import dump_yaml
from mapping.render.detail import (
    figures_over_time,
    headline_text,
    incident_table,
    latest_killed,
    source_cards,
)
from mapping.render.map import (
    FOCUS_ZOOM,
    MapData,
    MapOptions,
    clicked_incident,
    data_map,
    incident_point,
    map_data,
    map_html,
    shown_group,
)
from mapping.render.timeline import timeline
from mapping.store import is_store, is_store_url
from mapping.theatre import load_theatre
from mapping.weapons import CATEGORY_COLOURS

SEEDS = Path(__file__).resolve().parent / "seeds"
# The folders the path and store boxes may read: $STRIKEMAP_DATA_DIRS, else the working folder
# and the bundled seeds (the server's other files stay out of reach of whoever uses the app).
DATA_FOLDERS = data_folders(default=(Path.cwd(), SEEDS))
DATA_FOLDERS_TEXT = ", ".join(str(f) for f in DATA_FOLDERS)
st.set_page_config(page_title="strikemap", page_icon="🗺️", layout="wide")


@st.cache_resource(show_spinner="Resolving places and building layers…", max_entries=8)
def load(paths: tuple[str, ...], fingerprint: str) -> Prepared:
    """Load and prepare once per set of inputs (the fingerprint changes when their content does)."""
    return _kept(prepare(list(paths), default_geocoder()))  # store URLs stay text, not paths


@st.cache_resource(show_spinner=False, max_entries=8)
def page_data(paths: tuple[str, ...], fingerprint: str) -> MapData:
    """The map's data for all loaded incidents, built once; filters only select from it."""
    # always deflated: the page fetches it from this server once (see `served`)
    return _kept(map_data(load(paths, fingerprint).layers, MapOptions(pack_above=0)))


def served(content: bytes, name: str) -> str | None:
    """Where the map's page can fetch `content` from this server (Streamlit's media store
    keeps it while runs name it; one name, one content per run), or None outside a running app
    (the page then carries it). The address is relative to the map's frame
    (…/component/<name>/index.html), so that a server path prefix is kept."""
    if not content:
        return None
    try:
        from streamlit.runtime import get_instance

        # the store st.image and st.audio use (no public call returns its address)
        manager = get_instance().media_file_mgr
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return "../.." + manager.add(content, mime, f"strikemap-{name}")
    except Exception:  # no runtime (a bare or test run): the data stays in the page
        return None


def _kept(value):
    """`value`, out of the garbage collector's sight: Streamlit collects all garbage after
    every run, and with 100k incidents loaded (~5.4 million objects) each collection took ~5 s,
    on every filter change and click of every session. What is kept is still freed when no
    longer used (but for reference cycles in it)."""
    gc.collect()
    gc.freeze()
    return value


def records_of(prepared: Prepared) -> list:
    """The loaded incidents as record objects: made on first use (drafts, merging) when the
    data came as tables, and then kept out of the collector's sight like the rest."""
    if prepared.records is None:
        _kept(prepared.incidents)
    return prepared.incidents


def _session_folder() -> Path:
    """This session's private folder (mode 0700, a fresh name): removed with the session."""
    if "folder" not in st.session_state:
        st.session_state["folder"] = tempfile.TemporaryDirectory(prefix="strikemap-session-")
    return Path(st.session_state["folder"].name)


def _uploads_folder(files) -> tuple[tuple[str, ...], str, dict[str, str]]:
    """The uploads written to this session's folder: their paths, a fingerprint, and the name
    the user gave each (for problems)."""
    digest = hashlib.sha1()
    paths, names = [], {}
    for number, file in enumerate(files):
        content = file.getvalue()
        digest.update(file.name.encode() + content)
        suffix = Path(file.name).suffix.lower()  # the reader is chosen by suffix and content
        target = _session_folder() / f"upload-{number}-{hashlib.sha1(content).hexdigest()[:12]}"
        target = target.with_suffix(suffix if suffix in READABLE_SUFFIXES else ".yaml")
        target.write_bytes(content)  # in a folder only this user can write: no planted links
        paths.append(str(target))
        names[str(target)] = file.name
    return tuple(paths), digest.hexdigest(), names


def _fingerprint(path: Path) -> str:
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    return hashlib.sha1(
        "".join(
            f"{f}:{f.stat().st_mtime_ns}:{f.stat().st_size}" for f in files if f.is_file()
        ).encode()
    ).hexdigest()


@st.cache_resource(show_spinner=False)
def team_gazetteer() -> Gazetteer:
    """The gazetteer of the team's theatre, opened once: drafts and the search box use it."""
    return Gazetteer(theatre=load_theatre())


def _draft_file(text: str, hint: dt.date | None) -> dict:
    """Draft a record from a pasted report and keep it as a record file for this session."""
    draft = extract_draft(text, date_hint=hint, gazetteer=team_gazetteer())
    if draft.record is None:
        return {"messages": draft.messages}
    record_yaml = draft.to_yaml()
    path = _session_folder() / f"draft-{hashlib.sha1(record_yaml.encode()).hexdigest()[:12]}.yaml"
    path.write_text(record_yaml, encoding="utf-8")
    return {
        "path": str(path),
        "yaml": record_yaml,
        "id": draft.record["id"],
        "messages": draft.messages,
    }


# -- data ------------------------------------------------------------------------------------
st.sidebar.title("strikemap")
st.sidebar.caption(f"v{__version__} · every figure attributed to its source")
with st.sidebar.expander("Data", expanded=False):
    uploads = st.file_uploader(
        "Record files or exports",
        type=[s.lstrip(".") for s in READABLE_SUFFIXES],
        accept_multiple_files=True,
        help="YAML/JSON records, strikemap GeoJSON (full profile), CSV, GeoPackage; ACLED, UCDP, "
        "Bellingcat or CIR data sets.",
    )
    typed_path = st.text_input(
        "…or a file or folder on this machine", value="", placeholder=str(SEEDS)
    )
    store_url = st.text_input(
        "…or a team store", value="", placeholder="postgresql://user@host:5432/db or incidents.gpkg"
    )
    if st.button("Reload from the store", disabled=not store_url.strip()):
        st.session_state["store_reads"] = st.session_state.get("store_reads", 0) + 1

with (
    st.sidebar.expander("Draft an incident from a report", expanded=False),
    st.form("draft_form", border=False),
):
    # a long feature is ~50,000 characters; the bound keeps a shared server from a pasted book
    report = st.text_area(
        "Paste a report (English, Ukrainian or Russian)", height=160, max_chars=100_000
    )
    report_date = st.date_input("Report date (reads 'on Friday', 'yesterday')", value=None)
    if st.form_submit_button("Draft") and report.strip():
        st.session_state["draft"] = _draft_file(report, report_date)
        if "id" in st.session_state["draft"]:
            st.session_state["selected"] = st.session_state["draft"]["id"]
draft = st.session_state.get("draft") or {}

upload_names: dict[str, str] = {}
if uploads:
    paths, fingerprint, upload_names = _uploads_folder(uploads)
    label = ", ".join(u.name for u in uploads)
elif store_url.strip():
    url = store_url.strip()
    if not is_store(url) and not url.endswith(".gpkg"):
        st.error(f"Not a store: {escape_markdown(url)} (postgresql://… or a .gpkg file)")
        st.stop()
    if not is_store_url(url) and not inside_folders(Path(url), DATA_FOLDERS):
        st.error(f"Only stores inside the data folders can be opened: {escape_markdown(url)}")
        st.stop()
    # a store changes under us: read again when asked ("Reload from the store")
    paths, label = (url,), url
    fingerprint = f"{url}#{st.session_state.get('store_reads', 0)}"
elif typed_path.strip():
    source = Path(typed_path.strip()).expanduser()
    if not inside_folders(source, DATA_FOLDERS):
        st.error(
            f"Only files inside the data folders can be read ({escape_markdown(DATA_FOLDERS_TEXT)}"
            "; set STRIKEMAP_DATA_DIRS to choose them)"
        )
        st.stop()
    if not source.exists():
        st.error(f"No such file or folder: {escape_markdown(source)}")
        st.stop()
    paths, fingerprint, label = (str(source),), _fingerprint(source), str(source)
else:
    paths, fingerprint, label = (str(SEEDS),), _fingerprint(SEEDS), "bundled seeds"

if "path" in draft and Path(draft["path"]).exists():
    paths, fingerprint = (*paths, draft["path"]), fingerprint + draft["path"]
prepared = load(paths, fingerprint)
layers = prepared.layers
incidents = layers.incidents


# -- filters ---------------------------------------------------------------------------------
st.sidebar.subheader("Filters")
st.sidebar.caption(
    "Filters combine: an incident is shown when it passes every one. Within one filter, any "
    "choice will do; weapon category and weapon system count as one filter."
)


@st.cache_resource(show_spinner=False, max_entries=8)
def filter_choices(
    paths: tuple[str, ...], fingerprint: str
) -> tuple[dict[str, list[str]], dt.date, dt.date]:
    """What the filters offer for the loaded incidents, and their first and last date."""
    incidents = load(paths, fingerprint).layers.incidents
    choices = {
        "category": sorted(incidents["weapon_category"].dropna().unique()),
        "system": sorted(incidents["weapon_system"].dropna().unique()),
        "status": [s.value for s in Status],
        "party": [p.value for p in Party],
        "region": sorted(incidents["admin1"].dropna().unique()),
    }
    if not len(incidents):
        return choices, dt.date.today(), dt.date.today()
    # ISO dates order as text: no parsing of every date
    dates = incidents["date"]
    return choices, dt.date.fromisoformat(dates.min()), dt.date.fromisoformat(dates.max())


# The filters and the incident shown live in the page's address, so a link reopens the view.
choices, first, last = filter_choices(paths, fingerprint)
if "linked" not in st.session_state:  # a session's first run: what its link asks for
    st.session_state["linked"] = True
    link = st.query_params
    st.session_state["f_dates"] = link.get("dates", "All dates")
    for key, default in (("from", first), ("to", last)):
        try:
            st.session_state[f"f_{key}"] = dt.date.fromisoformat(link.get(key, ""))
        except ValueError:
            st.session_state[f"f_{key}"] = default
    for key in choices:
        st.session_state[f"f_{key}"] = link.get_all(key)
    st.session_state["f_killed"] = int(link["killed"]) if link.get("killed", "").isdigit() else 0
    st.session_state["f_q"] = link.get("q", "")
    if link.get("incident"):
        st.session_state["selected"] = st.session_state["focus"] = link["incident"]
if st.session_state["f_dates"] not in [*DATE_PRESETS, BETWEEN_DATES]:
    st.session_state["f_dates"] = "All dates"
for key, values in choices.items():  # what the data (perhaps just changed) does not offer goes
    st.session_state[f"f_{key}"] = [v for v in st.session_state[f"f_{key}"] if v in values]

preset = st.sidebar.selectbox("Dates", [*DATE_PRESETS, BETWEEN_DATES], key="f_dates")
if preset == BETWEEN_DATES:
    since_column, until_column = st.sidebar.columns(2)
    since = since_column.date_input("From", format="YYYY-MM-DD", key="f_from")
    until = until_column.date_input("To", format="YYYY-MM-DD", key="f_to")
else:
    since, until = preset_dates(preset, dt.date.today())
categories = st.sidebar.multiselect(
    "Weapon category", choices["category"], format_func=human_label, key="f_category"
)
systems = st.sidebar.multiselect("Weapon system", choices["system"], key="f_system")
min_killed = st.sidebar.number_input(
    "At least killed (headline)", min_value=0, step=1, key="f_killed"
)
statuses = st.sidebar.multiselect(
    "Has a statement that is", choices["status"], format_func=human_label, key="f_status"
)
parties = st.sidebar.multiselect(
    "Has a source from", choices["party"], format_func=human_label, key="f_party"
)
regions = st.sidebar.multiselect("Region", choices["region"], key="f_region")
text = st.sidebar.text_input(
    "Search place, region, source", help="Any script or spelling: Кривий Ріг, Krivoy Rog", key="f_q"
)
link = {
    "dates": preset if preset != "All dates" else None,
    "from": since.isoformat() if preset == BETWEEN_DATES and since else None,
    "to": until.isoformat() if preset == BETWEEN_DATES and until else None,
    "category": categories,
    "system": systems,
    "killed": str(int(min_killed)) if min_killed else None,
    "status": statuses,
    "party": parties,
    "region": regions,
    "q": text or None,
}

selection = IncidentFilter.create(
    since=since,
    until=until,
    weapons=[*categories, *systems],
    min_killed=int(min_killed) or None,
    statuses=statuses,
    parties=parties,
    admin1=regions,
    text=text,
    places=team_gazetteer() if text else None,
)
# Which rows pass, and their ids: the map needs no more. The rows themselves (every column,
# ~30-80 ms at 100k) are taken after the map is sent, unless a picked row needs them first.
passes = selection.mask(incidents)
shown_ids = incidents["id"][passes]


def rows_shown() -> pd.DataFrame:
    """The passing rows, every column (the statement layers are cut only for a download)."""
    return incidents if selection.empty else incidents[passes]


st.sidebar.metric("Incidents shown", f"{len(shown_ids):,} of {len(incidents):,}")

# -- problems --------------------------------------------------------------------------------
if prepared.problems:
    errors = [p for p in prepared.problems if p.severity == "error"]
    with st.expander(
        f"⚠️ {len(prepared.problems)} problem(s) in the data: records skipped or places to check",
        expanded=bool(errors),
    ):
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "file": upload_names.get(p.file, p.file),
                        "line": p.line,
                        "record": p.record_id,
                        "field": p.field,
                        "problem": p.message,
                        "severity": p.severity,
                    }
                    for p in prepared.problems
                ]
            ),
            hide_index=True,
            width="stretch",
        )

# -- draft from a report ----------------------------------------------------------------------
for message in draft.get("messages", []):
    st.warning(f"Report draft: {escape_markdown(message)}")
if "yaml" in draft:
    with st.expander(
        "📝 Draft from the pasted report: check every value, then save it as a record file",
        expanded=True,
    ):
        st.caption(
            "Marked `review: draft` on the map. Each value's words and position in the "
            "report are listed under `evidence`."
        )
        st.code(draft["yaml"], language="yaml")
        for match, pair in matches_of(draft["id"], records_of(prepared))[:3]:
            verdict = "the same strike" if pair.verdict == "merge" else "possibly the same strike"
            st.info(
                f"Looks like {verdict} as **{escape_markdown(match.id)}** "
                f"({escape_markdown(match.place.name)}, {match.date}): "
                f"{escape_markdown('; '.join(pair.reasons))}."
            )
            merged = merge_group(
                [match, next(i for i in records_of(prepared) if i.id == draft["id"])]
            )
            st.download_button(
                f"Download {match.id} with this draft merged in (YAML)",
                dump_yaml([merged]),
                file_name=f"{match.id}-merged.yaml",
                mime="application/yaml",
                key=f"merge-{match.id}",
            )
        keep, discard = st.columns(2)
        keep.download_button(
            "Download the draft (YAML)",
            draft["yaml"],
            file_name=f"{draft['id']}.yaml",
            mime="application/yaml",
        )
        if discard.button("Discard the draft"):
            del st.session_state["draft"]
            st.rerun()


# -- reports of the same strike ----------------------------------------------------------------
@st.cache_resource(show_spinner=False, max_entries=16)
def same_strikes(
    paths: tuple[str, ...],
    fingerprint: str,
    merge: tuple[tuple[str, str], ...] = (),
    apart: tuple[tuple[str, str], ...] = (),
) -> MergeResult:
    """The loaded records matched and merged (with the analyst's decisions), once each."""
    return merge_incidents(records_of(load(paths, fingerprint)), merge=merge, apart=apart)


PROPOSALS_SHOWN = 500  # rows of the table; the download holds every merge
if st.sidebar.toggle(
    "Find reports of the same strike",
    help="Match the loaded records by date, place, weapon, sources and figures, and propose "
    "merges (a few seconds for tens of thousands of records).",
):
    proposed = same_strikes(paths, fingerprint)
    merges = sum(1 for i in proposed.incidents if i.merged_from)
    with st.expander(
        f"🔁 Reports of the same strike: {merges} merge(s) proposed, "
        f"{len(proposed.review)} pair(s) to review",
        expanded=True,
    ):
        st.caption(
            "Records about one strike, found by date, place, weapon, shared sources and "
            "figures. Merged incidents keep every statement with its source; the pairs to "
            "review are never merged without you. Decide in the first column."
        )
        rows = proposals(proposed.incidents, proposed.review, records_of(prepared))
        if len(rows) > PROPOSALS_SHOWN:
            st.caption(f"The first {PROPOSALS_SHOWN:,} of {len(rows):,} proposals.")
        table = pd.DataFrame(rows[:PROPOSALS_SHOWN])
        edited = st.data_editor(
            table,
            hide_index=True,
            use_container_width=True,
            disabled=[c for c in table.columns if c != "decision"],
            column_config={
                "decision": st.column_config.SelectboxColumn(
                    "decision", options=["", "merge", "keep apart"], required=False
                )
            },
            key=f"decisions-{fingerprint}",
        )
        merge_pairs, apart_pairs = decisions_from(edited.to_dict("records"))
        decided = same_strikes(paths, fingerprint, tuple(merge_pairs), tuple(apart_pairs))
        st.download_button(
            "Download the records with the merges (YAML)",
            dump_yaml(decided.incidents),
            file_name="merged.yaml",
            mime="application/yaml",
        )

# -- map and detail --------------------------------------------------------------------------
st.markdown(f"### Strikes — {escape_markdown(label)}")
if len(incidents) and not len(shown_ids):
    st.info(
        f"No incident passes these filters ({len(incidents):,} loaded): widen the dates or "
        "clear a filter in the sidebar."
    )
map_column, detail_column = st.columns([3, 2])
TABLE_ROWS = 2_000  # a longer table is not read, only sent: 100k rows are ~17 MB on every run
# A row picked in the table (its selection is known before the table is drawn again) shows
# that incident and centres the map on it; a row that stays picked does not pull the map back.
# Only then is the table made before the map: the map's change waits for nothing else.
rows = st.session_state["table"]["selection"]["rows"] if "table" in st.session_state else []
shown = rows_shown() if rows else None
table = incident_table(shown, limit=TABLE_ROWS) if shown is not None else None
row_picked = table.iloc[rows[0]]["id"] if table is not None and rows[0] < len(table) else None
if row_picked and row_picked != st.session_state.get("row_picked"):
    st.session_state["selected"] = st.session_state["focus"] = row_picked
st.session_state["row_picked"] = row_picked
# So is a marker clicked (the map's value is known before it is drawn again), and it is ringed
# on the map; only a new click or row changes what is shown.
map_value = st.session_state.get("map") or {}
tooltip = map_value.get("last_object_clicked_tooltip")
clicked = clicked_incident(tooltip, shown_ids.tolist()) if tooltip else None
if clicked and clicked != st.session_state.get("clicked"):
    st.session_state["selected"] = clicked
st.session_state["clicked"] = clicked
focus_id = st.session_state.get("focus")
focus = (
    incident_point(incidents, focus_id)
    if focus_id is not None and (shown_ids == focus_id).any()
    else None
)

with map_column:
    # The map and its data stay in the page; a filter change sends only which incidents to
    # show, and a picked row only where to look.
    data = page_data(paths, fingerprint)
    st_folium(
        data_map(data, MapOptions(short_popups=True), serve=served),
        feature_group_to_add=shown_group(
            data, incidents.index[passes], st.session_state.get("selected")
        ),
        center=focus,
        zoom=FOCUS_ZOOM if focus else None,
        key="map",
        height=560,
        use_container_width=True,
        returned_objects=["last_object_clicked_tooltip"],
    )
if shown is None:
    shown = rows_shown()
    table = incident_table(shown, limit=TABLE_ROWS)
if len(shown) > len(table):
    st.caption(
        f"The table lists the {len(table):,} latest of the {len(shown):,} incidents shown; "
        "narrow the filters to list others, or download them all below."
    )
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    on_select="rerun",
    selection_mode="single-row",
    key="table",
)
selected = st.session_state.get("selected")
picked = shown[shown["id"] == selected] if selected else shown.iloc[:0]  # shown, or nothing
link["incident"] = selected if len(picked) else None
st.query_params.from_dict({key: value for key, value in link.items() if value})

with detail_column:
    if not len(picked):
        st.info(
            "Click an incident on the map or a row of the table to read every statement about it."
        )
    else:
        row = picked.iloc[0]
        st.subheader(escape_markdown(f"{row['place']} · {row['date']}"))
        st.caption(
            escape_markdown(
                f"{row['weapon_system'] or row['weapon_category']} · location: {row['precision']}"
                f" (±{row['radius_m']:,.0f} m)"
                + (" · ambiguous place name" if row["ambiguous"] else "")
            )
        )
        st.markdown(f"**{escape_markdown(headline_text(row))}**")
        if row["contested"]:
            st.warning("Contested: the parties' accounts of this strike conflict.")
        if latest := latest_killed(row):
            st.markdown(escape_markdown(latest))
        if isinstance(row["outside_headline"], str):
            st.markdown("**Not in the headline** (claimed, disputed or retracted):")
            st.text(row["outside_headline"])
        moves = figures_over_time(layers, selected)
        if moves["as_of"].nunique() > 1:  # a chart only when the figures moved in time
            st.altair_chart(
                alt.Chart(moves, title="Killed, as each source stated it")
                .mark_line(point=True)
                .encode(
                    x=alt.X("as_of:T", title="as of"),
                    y=alt.Y("figure:Q", title="killed (stated minimum)"),
                    color=alt.Color("source:N", legend=alt.Legend(orient="bottom", columns=1)),
                    tooltip=["source:N", "as_of:T", "range:N", "status:N"],
                ),
                width="stretch",
            )
        st.markdown("**What each source said**")
        for card in source_cards(layers, selected):
            with st.container(border=True):
                said = [*card.casualties, *card.damage, *card.claims]
                st.markdown(
                    "  \n".join(
                        [
                            f"**{escape_markdown(card.name)}** · {escape_markdown(card.party)}"
                            + (
                                f" · published {escape_markdown(card.published)}"
                                if card.published
                                else ""
                            ),
                            *(f"• {escape_markdown(line)}" for line in said),
                        ]
                    )
                )
                if card.url:
                    st.markdown(f"[Open the source]({markdown_url(card.url)})")

# -- timeline --------------------------------------------------------------------------------
st.markdown("#### Timeline")
period = st.radio("Per", ["week", "day"], horizontal=True, label_visibility="collapsed")
series = timeline(shown, period)  # type: ignore[arg-type]
if len(series):
    measures = {"incidents": "incidents", "killed": "killed (sum of headline minima)"}
    measure = st.radio(
        "Show",
        list(measures),
        format_func=measures.get,
        horizontal=True,
        label_visibility="collapsed",
    )
    present = sorted(series["weapon_category"].unique())
    chart = (
        alt.Chart(series)
        .mark_bar()
        .encode(
            x=alt.X("period:T", title=period),
            y=alt.Y(f"{measure}:Q", title=measures[measure]),
            color=alt.Color(
                "weapon_category:N",
                scale=alt.Scale(domain=present, range=[CATEGORY_COLOURS[c] for c in present]),
                title="weapon",
            ),
            tooltip=["period:T", "weapon_category:N", "incidents:Q", "killed:Q"],
        )
    )
    st.altair_chart(chart, width="stretch")

# -- downloads -------------------------------------------------------------------------------
st.markdown("#### Download the incidents shown")
buttons = st.columns(5)
cut = partial(selection.apply, layers)  # every layer of the incidents shown, when one is asked
downloads = [
    ("GeoJSON (flat)", "strikemap.geojson", "application/geo+json", lambda: export_bytes(cut(), "geojson")),
    ("GeoJSON (full)", "strikemap-full.geojson", "application/geo+json",
     lambda: export_bytes(cut(), "geojson", profile="full")),
    ("GeoPackage", "strikemap.gpkg", "application/geopackage+sqlite3", lambda: export_bytes(cut(), "gpkg")),
    ("CSV (HXL)", "strikemap.csv", "text/csv", lambda: export_bytes(cut(), "csv", hxl=True)),
    ("HTML map", "strikemap-map.html", "text/html", lambda: map_html(cut()).encode("utf-8")),
]  # fmt: skip
for column, (title, name, mime, make) in zip(buttons, downloads, strict=True):
    column.download_button(title, data=make, file_name=name, mime=mime, on_click="ignore")
