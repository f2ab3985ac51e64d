"""Report text as sentences with their character spans (the spans evidence points at)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from mapping.model import without_unwritable

MAX_CHARS = 2_000_000  # longer input is read up to here (a book, not a report)

# One character for one: spans stay the same in the cleaned text and the original.
_SAME_LENGTH = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\t": " ",
        "\r": " ",
        "\x00": " ",
    }
)

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "rep", "sen",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "vs", "etc", "approx", "u.s", "u.n", "a.m", "p.m", "e.g", "i.e", "inc", "co", "corp", "jr",
    # Ukrainian and Russian: street, avenue, region, house, "named after", thousand; village,
    # town, urban settlement ("по с. Гроза", "м. Ізюм", "смт. Козача Лопань")
    "вул", "ул", "просп", "пр", "пров", "пер", "пл", "обл", "буд", "ім", "им", "тис", "тыс",
    "с", "м", "смт", "сел", "пос",
    # acting, as an office's title: "т.в.о. начальника ОВА", "в.о. мера", "и.о. главы"
    "т.в.о", "в.о", "и.о", "врио",
}  # fmt: skip
_END = re.compile(
    # (a line opening with a bullet starts a sentence too: "... додав посадовець.\n- Мирноград")
    r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9\u0400-\u04ff]|[ \t]*\n\s*[-–—•]\s)"
    # a scraped page's sentences run together ("поранених.Про це повідомляють ..."): a word of
    # small letters, its stop, a capitalised word straight after
    r"|(?<=[a-z0-9\u0430-\u044f\u0456\u0457\u0454\u0491'\u2019]{2})[.!?]+[\"')\]]*"
    r"(?=[A-Z\u0410-\u042f\u0406\u0407\u0404\u0490][a-z\u0430-\u044f\u0456\u0457\u0454\u0491\s])"
)
_PARAGRAPH = re.compile(r"\n\s*\n")
_LINE = re.compile(r"\n")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the report: its text and where it sits."""

    start: int
    end: int
    text: str
    paragraph: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span inside the sentence, in the report's offsets."""
        return self.start + start, self.start + end


# Latin letters that look Cyrillic, as typed into Cyrillic words ("повiдомляють" with a Latin i)
_LOOKALIKES = str.maketrans("aceiopxyABCEHIKMOPTX", "асеіорхуАВСЕНІКМОРТХ")
_MIXED_WORD = re.compile(r"\b(?=\w*[\u0400-\u04ff])(?=\w*[A-Za-z])\w+\b")


def read_text(data: bytes | str) -> str:
    """Report text from bytes or str: UTF-8 (undecodable bytes replaced), typographic quotes and
    dashes made plain, Latin look-alikes in Cyrillic words made Cyrillic, characters no record
    can hold (a terminal's escapes) made spaces, cut at MAX_CHARS."""
    if isinstance(data, bytes):
        data = data.decode("utf-8", errors="replace")
    text = data[:MAX_CHARS].translate(_SAME_LENGTH)
    text = _MIXED_WORD.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)
    return without_unwritable(text)


def looks_like_text(text: str) -> bool:
    """False for binary noise: mostly replacement or control characters."""
    if not text.strip():
        return False
    sample = text[:20_000]
    bad = sum(1 for ch in sample if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\n "))
    return bad / len(sample) < 0.1


def sentences(text: str) -> list[Sentence]:
    """The report's sentences. Paragraphs (blank lines) always end one; a short line without a
    full stop (a headline, a live-blog time stamp) is a sentence of its own; otherwise line
    breaks are the wrapping of running text."""
    found: list[Sentence] = []
    position = 0
    for number, paragraph in enumerate(_PARAGRAPH.split(text)):
        start = text.index(paragraph, position) if paragraph else position
        position = start + len(paragraph)
        for line_start, line_end in _headline_breaks(paragraph):
            _split_running(text, start + line_start, start + line_end, number, found)
    return found


BULLET = re.compile(r"\s*[•·▪●◦*\-–—]\s")  # a list's item (a dash too: "- Мирноград знову ...")


# a title over its text, as the first line of a paragraph: no stop in it or at its end ("Умер
# первый ребёнок, ранее спасённый из больницы «Охматдет» в Киеве")
_TITLE_LINE = re.compile(r"[^.!?]{10,140}[^.!?,;:\s-]")


def _headline_breaks(paragraph: str) -> list[tuple[int, int]]:
    """Pieces of a paragraph split after short lines that do not end a sentence."""
    lines = paragraph.split("\n")
    widest = max((len(line.strip()) for line in lines), default=0)
    # a page whose lines are its paragraphs (each after the first ends a sentence), not running
    # text wrapped at a width ("... were killed in Kryvyi\nRih on 4 April."): a title over a
    # single line breaks where it does not end in a name that the next line may go on with
    line_per_paragraph = all(line.strip()[-1:] in '.!?"»”)' for line in lines[1:] if line.strip())
    if len([line for line in lines if line.strip()]) == 2 and re.search(
        r"(?<![\w'’-])[A-ZА-ЯІЇЄҐЁ][\w'’-]*$", lines[0].strip()
    ):
        line_per_paragraph = False
    pieces, start, offset = [], 0, 0
    for number, (line, following) in enumerate(pairwise(lines)):
        offset += len(line) + 1
        stripped = line.strip()
        if (
            (stripped and stripped[-1] not in ".,;:-\"'" and len(stripped) < 0.7 * widest)
            or (stripped.endswith(":") and len(stripped) < 0.7 * widest)
            or BULLET.match(following)  # "• 12:00 - ОВА: четверо загиблих;": a list's item
            or (
                number == 0
                and line_per_paragraph
                and _TITLE_LINE.fullmatch(stripped)
                and following.strip()[:1].isupper()
            )
        ):
            pieces.append((start, offset - 1))
            start = offset
    pieces.append((start, len(paragraph)))
    return pieces


def _split_running(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    chunk = text[start:end]
    begin = 0
    for stop in _END.finditer(chunk):
        word = re.search(r"([\w.]+)[.!?]*[\"')\]]*$", chunk[begin : stop.end()])
        if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        if word and re.fullmatch(r"[A-Z]", word.group(1).rstrip(".")):  # an initial: "J. Smith"
            continue
        glued = stop.end() < len(chunk) and not chunk[stop.end()].isspace()
        if glued and word and word.group(1)[:1].isupper():
            continue  # "Донбас.Реалії", "Крим.Реалії": a name with a stop in it
        _add(text, start + begin, start + stop.end(), paragraph, out)
        begin = stop.end()
    _add(text, start + begin, end, paragraph, out)


def _add(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        # line breaks become spaces, one for one, so offsets in the sentence map back
        out.append(Sentence(start, end, text[start:end].replace("\n", " "), paragraph))


LOOK_BEHIND = 160  # characters: more than the few words any pattern reads back


def words_before(text: str, end: int) -> str:
    """The words just before `end` (whole words only). Patterns anchored at `$` search this
    short window rather than the text from its start, so a long sentence costs linear time."""
    start = max(0, end - LOOK_BEHIND)
    if start:
        start = text.find(" ", start, end) + 1 or end
    return text[start:end]


class Spans:
    """Character spans already read, kept sorted and merged: whether a new span is free is
    one binary search, so a sentence of thousands of figures costs n log n, not n²."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in spans:
            self.take(start, end)

    def free(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps no span taken."""
        before = bisect.bisect_left(self.starts, end)
        return before == 0 or self.ends[before - 1] <= start

    def take(self, start: int, end: int) -> None:
        """Mark [start, end) as read (merged with the spans it overlaps)."""
        first = bisect.bisect_right(self.ends, start)  # spans ending at or before start stay
        last = bisect.bisect_left(self.starts, end)  # spans starting at or after end stay
        if first < last:
            start, end = min(start, self.starts[first]), max(end, self.ends[last - 1])
        self.starts[first:last] = [start]
        self.ends[first:last] = [end]
