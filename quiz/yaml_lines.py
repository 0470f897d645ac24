"""YAML that remembers where it was written: every mapping and list knows its line, and a key
written twice is an error, so that a mistake can be reported as ``file:line: item: problem``."""

from __future__ import annotations

from pathlib import Path

import yaml

from .model import DefinitionError


class Mapping(dict):
    line = 0


class Sequence(list):
    line = 0


def read(path: Path) -> object:
    """The parsed YAML of ``path``, or DefinitionError for a missing, unreadable or broken file."""
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DefinitionError(path, None, "file", "does not exist") from None
    except UnicodeDecodeError:
        raise DefinitionError(path, None, "file", "is not UTF-8 text") from None
    except OSError as error:
        raise DefinitionError(path, None, "file", f"cannot be read ({error.strerror})") from None
    try:
        data = yaml.load(source, Loader=_LineLoader)
    except _DuplicateKey as duplicate:
        raise DefinitionError(path, duplicate.line, f"field '{duplicate.key}'", "appears twice") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise DefinitionError(path, mark.line + 1 if mark else None, "YAML syntax", error.problem or str(error)) from None
    except yaml.YAMLError as error:
        raise DefinitionError(path, None, "YAML syntax", str(error)) from None
    if data is None:
        raise DefinitionError(path, None, "file", "is empty")
    return data


class _DuplicateKey(Exception):
    def __init__(self, key, line):
        super().__init__(key)
        self.key, self.line = key, line


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser where installed
    """SafeLoader that remembers each mapping's line and rejects duplicate keys."""


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = Mapping()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise _DuplicateKey(key, key_node.start_mark.line + 1)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


def _construct_sequence(loader, node):
    sequence = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    return sequence


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
