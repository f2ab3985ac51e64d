"""Reading record files as YAML with the line of every value, and without YAML 1.1 surprises.

PyYAML follows YAML 1.1, where `NO` (Norway) is false, `18:49` is the integer 1129 and a bad
date like 2025-02-30 aborts the whole file. Record files get a stricter resolver: only
true/false are booleans, integers are plain decimals, and dates stay text for the model to
check field by field.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import yaml

from mapping.model import writable_text

try:  # the C parser is ~10x faster; the resolver below is pure Python either way
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

try:  # libyaml's parser in Rust, making Python data directly: records without nodes, ~2x faster
    import ryaml
except ImportError:  # pragma: no cover - every record is then read through PyYAML
    ryaml = None


class RecordLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """SafeLoader with YAML 1.2-like scalars and an error on duplicate keys."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        """PyYAML's resolver without what record files never use (path resolvers, resolvers
        for any first character): it runs for every value, and took a third of reading a
        large file."""
        if kind is yaml.ScalarNode:
            if implicit[0]:  # a plain scalar: its first character picks the patterns to try
                for tag, pattern in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if pattern.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        if kind is yaml.SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        return self.DEFAULT_MAPPING_TAG


_RESOLVERS = (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^[-+]?(?:(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
)


class RecordDumper(yaml.SafeDumper):
    """Writes YAML that RecordLoader reads back to the same values (quotes '0E0', not 'NO')."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}


for _tag, _pattern, _first in _RESOLVERS:
    for _cls in (RecordLoader, RecordDumper):
        _cls.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key '{key}' (first on line {seen[key]})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1 + getattr(loader, "line_offset", 0)
    return loader.construct_mapping(node)


RecordLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


class LazyNode:
    """A record's node, composed only when a problem needs the lines of its fields; the
    record starts on `first_line` of its file."""

    def __init__(self, compose: Callable[[], yaml.Node | None], first_line: int) -> None:
        self._compose, self.first_line = compose, first_line

    @functools.cached_property
    def node(self) -> yaml.Node | None:
        return self._compose()


@dataclass(frozen=True, slots=True)
class Document:
    """One parsed YAML document (or, read without nodes, one record of it), or the reason a
    piece of the file could not be parsed."""

    data: Any
    node: yaml.Node | LazyNode | None
    first_line: int | None  # 1-based line in the file where this piece starts; None: no file
    error: str | None = None
    error_line: int | None = None
    error_record: str | None = None
    error_field: str | None = None
    # No string in `data` can be one an export refuses (see `model.unwritable_text`)
    writable: bool = False


_DOCUMENT_START = re.compile(r"^(?:---|\.\.\.)(?:\s|$)")
_TOP_LEVEL_ITEM = re.compile(r"^- ")


def parse_documents(text: str) -> Iterator[Document]:
    """Each YAML document of a file; a malformed one is reported and the others still parse.

    Documents are split on '---' lines before parsing, so one broken document cannot hide the
    next. Within a broken document that is a top-level list, each list item is tried on its own,
    so one broken record does not hide its neighbours either.
    """
    check = _may_read_otherwise(text)  # once for the file: most files have none of it
    for piece, offset in _pieces(text):
        if piece and not piece.isspace():
            yield from _parse_piece(piece, offset, check)


_DOCUMENT_LINE = re.compile(r"^(?:---|\.\.\.)(?:[ \t\r]|$)", re.MULTILINE)
# Line ends other than \n and \r\n (splitlines' and YAML's): their files are split line by line
_OTHER_LINE_ENDS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _pieces(text: str) -> Iterator[tuple[str, int]]:
    """The text between '---' (or '...') lines, each with the number of lines above it."""
    if any(end in text for end in _OTHER_LINE_ENDS) and any(
        end in text.replace("\r\n", "\n") for end in _OTHER_LINE_ENDS
    ):
        lines = text.splitlines(keepends=True)
        start = 0
        for index, line in enumerate([*lines, "---\n"]):
            if _DOCUMENT_START.match(line):
                yield "".join(lines[start:index]), start
                start = index + 1
        return
    # The same split over the whole text: a search per line took a tenth of reading a file
    start, line = 0, 0
    for found in _DOCUMENT_LINE.finditer(text):
        yield text[start : found.start()], line
        line += text.count("\n", start, found.start()) + 1
        start = text.find("\n", found.start()) + 1 or len(text)
    yield text[start:], line


def _parse_piece(text: str, offset: int, check: bool = True) -> Iterator[Document]:
    if (records := _read_without_nodes(text, offset, check)) is not None:
        yield from records
        return
    lines = text.splitlines(keepends=True)
    try:
        node, data = _compose(lines, offset)
    except yaml.YAMLError as error:
        items = [i for i, line in enumerate(lines) if _TOP_LEVEL_ITEM.match(line)]
        if len(items) > 1:
            for begin, end in zip(items, [*items[1:], len(lines)], strict=True):
                yield from _parse_item(lines[begin:end], offset + begin)
        else:
            yield _failure(error, lines, offset)
        return
    yield Document(data, node, offset + 1)


def _parse_item(lines: list[str], offset: int) -> Iterator[Document]:
    try:
        node, data = _compose(lines, offset)
    except yaml.YAMLError as error:
        yield _failure(error, lines, offset)
        return
    # The piece starts with "- " at column 0, so it is a list; hand back its items.
    if isinstance(node, yaml.SequenceNode):
        for item_data, item_node in zip(data, node.value, strict=True):
            yield Document(item_data, item_node, offset + 1)
    else:
        yield Document(data, node, offset + 1)


# What ryaml reads otherwise than RecordLoader, or what the checks below must see: tags,
# anchors and aliases, 0x/0o/0b integers and .inf/.nan (ryaml's numbers, RecordLoader's text).
# A piece holding any of these characters, even in a note's words, is read by RecordLoader
# instead: the answer is the same, only slower. Substring tests and literal-led patterns: a
# single pattern for them all scanned text ~6x slower.
_READ_OTHERWISE = re.compile(r"0[xXoObB]|\.(?:inf|Inf|INF|nan|NaN|NAN)")


def _may_read_otherwise(text: str) -> bool:
    return "!" in text or "&" in text or "*" in text or bool(_READ_OTHERWISE.search(text))


def _read_without_nodes(text: str, offset: int, check: bool) -> list[Document] | None:
    """The records of a piece read by ryaml, with no YAML node made (a record's node is
    composed by RecordLoader only if it has a problem to place); None where ryaml is missing,
    fails, or might read the piece otherwise than RecordLoader (looked for only if `check`):
    that reads it instead."""
    if ryaml is None or (check and _may_read_otherwise(text)):
        return None
    try:
        data = ryaml.loads(text)
    except Exception:  # any refusal (duplicate keys, bad syntax, deep nesting): RecordLoader
        return None  # reads the piece again and words the problem with its line
    if isinstance(data, dict):
        first = _CONTENT_LINE.search(text)
        starts = [first.start() if first else 0]
        items = [data]
    elif isinstance(data, list) and all(isinstance(item, dict) for item in data):
        starts = [found.start() for found in _ITEM_LINE.finditer(text)]
        items = data
        if len(starts) != len(items):  # items not one per '- ' line (a flow list, say)
            return None
    else:
        return None

    nodes = _PieceNodes(text, offset)
    documents, line, counted = [], offset + 1, 0
    for index, (record, start, end) in enumerate(
        zip(items, starts, [*starts[1:], len(text)], strict=True)
    ):
        line += text.count("\n", counted, start)
        counted = start
        lazy = LazyNode(functools.partial(nodes.record, index), line)
        documents.append(Document(record, lazy, line, writable=writable_text(text[start:end])))
    return documents


class _PieceNodes:
    """The nodes of a piece read without them, composed by RecordLoader on first need."""

    def __init__(self, text: str, offset: int) -> None:
        self.text, self.offset = text, offset

    @functools.cached_property
    def root(self) -> yaml.Node | None:
        try:
            return _compose(self.text.splitlines(keepends=True), self.offset)[0]
        except yaml.YAMLError:  # pragma: no cover - ryaml read it
            return None

    def record(self, index: int) -> yaml.Node | None:
        """The node of the piece's `index`th record (the piece's own, if it is one record)."""
        root = self.root
        return root.value[index] if isinstance(root, yaml.SequenceNode) else root


_CONTENT_LINE = re.compile(r"^(?![ \t\r]*(?:#|$))", re.MULTILINE)
_ITEM_LINE = re.compile(r"^- ", re.MULTILINE)


def _compose(lines: list[str], offset: int) -> tuple[yaml.Node, Any]:
    # The piece is parsed alone and its lines placed in the file afterwards: padding it with
    # `offset` blank lines instead would parse the file once per document (n²).
    text = "".join(lines)
    loader = RecordLoader(text)
    loader.line_offset = offset
    try:
        node = loader.get_single_node()
        if node is None:
            return node, None
        if "*" in text:  # no alias can hide in a piece without one: nothing to expand
            _refuse_alias_bombs(node)
            data = loader.construct_document(node)
        else:
            data = _plain_data(node)
            if data is _NOT_PLAIN:
                data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:  # its marks are the piece's: move them to the file's
        error.context_mark = _moved(error.context_mark, offset)
        error.problem_mark = _moved(error.problem_mark, offset)
        raise
    finally:
        loader.dispose()
    place_lines(node, offset)
    return node, data


_NOT_PLAIN = object()
_STR, _INT, _FLOAT, _BOOL, _MAP, _SEQ = (
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "map", "seq")
)
_PLAIN_SCALARS = {tag: re.compile(pattern) for tag, pattern, _first in _RESOLVERS}


def _plain_data(node: yaml.Node) -> Any:
    """The data of a document of plain mappings, lists and scalars (what record files hold),
    made directly: PyYAML's general constructor took a third of a record file's reading.
    `_NOT_PLAIN` for anything else (explicit tags, complex keys), which the loader's own
    constructor then makes, errors included."""
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _MAP:
        data: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag != _STR:  # numbers, booleans or mappings as keys: rare, general
                return _NOT_PLAIN
            key = key_node.value
            if key in data:
                return _NOT_PLAIN  # the loader's constructor names the duplicate and its line
            value = _plain_data(value_node)
            if value is _NOT_PLAIN:
                return _NOT_PLAIN
            data[key] = value
        return data
    if tag == _SEQ:
        items = []
        for item_node in node.value:
            item = _plain_data(item_node)
            if item is _NOT_PLAIN:
                return _NOT_PLAIN
            items.append(item)
        return items
    pattern = _PLAIN_SCALARS.get(tag)
    if pattern is None or not isinstance(node.value, str) or not pattern.match(node.value):
        return _NOT_PLAIN  # an explicit tag, or a value the resolver would not have given it
    if tag == _INT:
        return int(node.value)
    if tag == _FLOAT:
        return _float_or_text(node.value)
    if tag == _BOOL:
        return node.value.lower() == "true"
    return None  # null


def _float_or_text(value: str) -> float | str:
    """A float, or the text as written where it is past a float's range (`1e400`): a typo
    to report in its own words, not infinity (ryaml reads it so too)."""
    number = float(value)
    return value if math.isinf(number) else number


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float | str:
    return _float_or_text(loader.construct_scalar(node))


RecordLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)


MAX_EXPANDED_VALUES = 1_000_000  # far more than any record file's; an alias bomb's billions


def _refuse_alias_bombs(root: yaml.Node | None) -> None:
    """Refuse a document whose aliases would expand it past MAX_EXPANDED_VALUES values (the
    'billion laughs') or into itself; counted on the node graph, without expanding it."""
    if root is None:
        return
    sizes: dict[int, int] = {}
    visiting: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            children = []
        if finished:
            visiting.discard(key)
            sizes[key] = min(1 + sum(sizes[id(c)] for c in children), MAX_EXPANDED_VALUES + 1)
            if sizes[key] > MAX_EXPANDED_VALUES:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"its aliases expand to more than {MAX_EXPANDED_VALUES:,} values (an alias "
                    "bomb?): refused",
                    node.start_mark,
                )
            continue
        if key in sizes:
            continue
        if key in visiting:
            raise yaml.composer.ComposerError(
                None, None, "an alias refers to itself: refused", node.start_mark
            )
        visiting.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)


def _moved(mark: Any, by: int) -> Any:
    # the C parser's marks cannot be changed: a moved mark is a new one
    if mark is None:
        return None
    return yaml.error.Mark(mark.name, mark.index, mark.line + by, mark.column, None, None)


def place_lines(node: yaml.Node | None, by: int) -> None:
    """Say that a piece's marks are `by` lines above the file's: on its top node and on each
    record below it (what `line_of` starts from); the marks themselves stay."""
    if node is None or not by:
        return
    node.line_offset = by
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            item.line_offset = by


_RECORD_ID = re.compile(r"^-?\s{0,3}id:\s*['\"]?([^'\"#\s]+)", re.MULTILINE)
_KEY = re.compile(r"^[\s-]*([A-Za-z_][\w]*)\s*:")


def _failure(error: yaml.YAMLError, lines: list[str], offset: int) -> Document:
    # The construct that could not be closed (context) locates the fault better than the
    # token where the parser gave up (problem), which is often the next record's first line.
    context_mark = getattr(error, "context_mark", None)
    problem_mark = getattr(error, "problem_mark", None)
    mark = context_mark or problem_mark
    line = mark.line + 1 if mark is not None else offset + 1
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    message = f"malformed YAML: {problem}"
    if context_mark is not None and problem_mark is not None:
        message += f" ({getattr(error, 'context', '')}, reached line {problem_mark.line + 1})"
    record_id = _RECORD_ID.search("".join(lines))
    key = _KEY.match(lines[line - 1 - offset]) if 0 <= line - 1 - offset < len(lines) else None
    return Document(
        None,
        None,
        offset + 1,
        error=message,
        error_line=line,
        error_record=record_id[1] if record_id else None,
        error_field=key[1] if key else None,
    )


def line_of(node: yaml.Node | None, path: tuple[str | int, ...]) -> int | None:
    """The 1-based line of the value at `path` below `node`, or of the deepest part that exists."""
    if node is None:
        return None
    offset = getattr(node, "line_offset", 0) + 1  # the piece's place in the file
    line = node.start_mark.line + offset
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == step), None)
            if found is None:
                return line
            key, node = found
            line = key.start_mark.line + offset
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            node = node.value[step]
            line = node.start_mark.line + offset
        else:
            return line
    return line
