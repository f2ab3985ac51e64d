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
        seen[key] = key_node.start_mark.line + 1
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
    # The piece is parsed alone and its marks moved to the file's lines afterwards: padding it
    # with `offset` blank lines instead would parse the file once per document (n²).
    loader = RecordLoader("".join(lines))
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            error.context_mark = _moved(error.context_mark, offset)
            error.problem_mark = _moved(error.problem_mark, offset)
            raise
        _refuse_alias_bombs(node)
        shift_lines(node, offset)
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


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


def shift_lines(node: yaml.Node | None, by: int) -> None:
    """Move every mark under a node `by` lines."""
    if not by:
        return
    stack = [node]
    seen: set[int] = set()  # an alias is the node it names: move each node once
    while stack:
        item = stack.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        item.start_mark = _moved(item.start_mark, by)
        item.end_mark = _moved(item.end_mark, by)
        if isinstance(item, yaml.MappingNode):
            stack.extend(part for pair in item.value for part in pair)
        elif isinstance(item, yaml.SequenceNode):
            stack.extend(item.value)


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
    line = node.start_mark.line + 1
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == step), None)
            if found is None:
                return line
            key, node = found
            line = key.start_mark.line + 1
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line
