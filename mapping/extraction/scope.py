"""Which sentences of a report state no figure of its strike: a roundup's "Separately, ..."
and "Elsewhere, ..." paragraphs and the sections under an "ELSEWHERE" heading (another
strike's figures), and a headline over a body (a summary of the body's)."""

from __future__ import annotations

import re

from mapping.extraction.text import Sentence

_OTHER_OPENING = re.compile(
    r"^\W*(?:Separately|Elsewhere|In\s+other\s+(?:news|attacks|strikes)"
    r"|In\s+(?:a|another)\s+separate\s+(?:attack|strike|incident)"
    r"|Окремо|Також\s+в\s+інших|Отдельно|В\s+других)\b",
    re.IGNORECASE,
)
_OTHER_HEADING = re.compile(
    r"^\W*(?:ELSEWHERE|SEPARATELY|OTHER\s+(?:STRIKES|ATTACKS|REGIONS|NEWS)|IN\s+OTHER\s+NEWS"
    r"|ALSO\s+(?:TODAY|TONIGHT|OVERNIGHT))\b"
)
_HEADING = re.compile(r"^[^a-zа-яіїєґё.!?]{3,80}$")  # a line in capitals: a section heading


def headlines(parts: list[Sentence]) -> set[int]:
    """Positions in `parts` of the head's lines over a body (kicker, headline): in the first
    three paragraphs, a paragraph of one line that ends no sentence. A headline's figures sum
    up the body's, which states them with a source."""
    found: set[int] = set()
    for index, sentence in enumerate(parts):
        if sentence.paragraph > 2 or index + 1 >= len(parts):
            break
        alone = parts[index + 1].paragraph != sentence.paragraph and (
            index == 0 or parts[index - 1].paragraph != sentence.paragraph
        )
        text = sentence.text.strip()
        if alone and text and text[-1] not in '.!?"”»' and len(text) < 200:
            found.add(index)
    return found


def other_incidents(parts: list[Sentence]) -> set[int]:
    """Positions in `parts` of the sentences about other incidents: from an "ELSEWHERE"
    heading to the next heading, and from "Separately, ..." to the end of its paragraph."""
    found: set[int] = set()
    other_section = False
    other_paragraph: int | None = None
    for index, sentence in enumerate(parts):
        text = sentence.text.strip()
        if _HEADING.match(text):
            other_section = bool(_OTHER_HEADING.match(text))
            continue
        if _OTHER_OPENING.match(text):
            other_paragraph = sentence.paragraph
        if other_section or sentence.paragraph == other_paragraph:
            found.add(index)
    return found
