"""Reading record files as YAML with the line of every value, and without YAML 1.1 surprises.

PyYAML follows YAML 1.1, where `NO` (Norway) is false, `18:49` is the integer 1129 and a bad
date like 2025-02-30 aborts the whole file. Record files get a stricter resolver: only
true/false are booleans, integers are plain decimals, and dates stay text for the model to
check field by field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import yaml

try:  # the C parser is ~10x faster; the resolver below is pure Python either way
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


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


@dataclass(frozen=True, slots=True)
class Document:
    """One parsed YAML document, or the reason a piece of the file could not be parsed."""

    data: Any
    node: yaml.Node | None
    first_line: int  # 1-based line in the file where this piece starts
    error: str | None = None
    error_line: int | None = None
    error_record: str | None = None
    error_field: str | None = None


_DOCUMENT_START = re.compile(r"^(?:---|\.\.\.)(?:\s|$)")
_TOP_LEVEL_ITEM = re.compile(r"^- ")


def parse_documents(text: str) -> Iterator[Document]:
    """Each YAML document of a file; a malformed one is reported and the others still parse.

    Documents are split on '---' lines before parsing, so one broken document cannot hide the
    next. Within a broken document that is a top-level list, each list item is tried on its own,
    so one broken record does not hide its neighbours either.
    """
    lines = text.splitlines(keepends=True)
    start = 0
    for index, line in enumerate([*lines, "---\n"]):
        if _DOCUMENT_START.match(line):
            if "".join(lines[start:index]).strip():
                yield from _parse_piece(lines[start:index], start)
            start = index + 1


def _parse_piece(lines: list[str], offset: int) -> Iterator[Document]:
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
        return float(node.value)
    if tag == _BOOL:
        return node.value.lower() == "true"
    return None  # null


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
