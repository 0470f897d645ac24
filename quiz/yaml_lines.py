"""YAML that remembers where it was written: every mapping and list knows its line, a key written
twice is an error, and a date stays text (2026-11-27 is checked by whoever reads it), so that a
mistake can be reported as ``file:line: item: problem``. The one reader of every data file: the
questionnaires, the wording catalogue, and the site's includes/*.yml (sitekit)."""

from __future__ import annotations

from pathlib import Path

import yaml

from .model import DefinitionError


class Mapping(dict):
    line = 0


class Sequence(list):
    line = 0


def read(path: Path, *, shown: str | None = None, config: bool = False) -> object:
    """The parsed YAML of ``path``, or DefinitionError for a missing, unreadable or broken file.

    ``shown`` is the name used in messages (default: ``path``); ``config`` reads a MkDocs
    configuration, whose tags such as ``!ENV [SITE_URL, ""]`` become None instead of an error."""
    name = shown or path
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DefinitionError(name, None, "file", "does not exist") from None
    except UnicodeDecodeError:
        raise DefinitionError(name, None, "file", "is not UTF-8 text") from None
    except OSError as error:
        raise DefinitionError(name, None, "file", f"cannot be read ({error.strerror})") from None
    try:
        data = yaml.load(source, Loader=_ConfigLoader if config else _LineLoader)
    except _DuplicateKey as duplicate:
        raise DefinitionError(name, duplicate.line, f"field '{duplicate.key}'", "appears twice") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise DefinitionError(
            name, mark.line + 1 if mark else None, "YAML syntax", error.problem or str(error)
        ) from None
    except yaml.YAMLError as error:
        raise DefinitionError(name, None, "YAML syntax", str(error)) from None
    if data is None:
        raise DefinitionError(name, None, "file", "is empty")
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


def _construct_text(loader, node):
    return loader.construct_scalar(node)


# Dates stay text: a bad date is reported with its item, never as a crash or a silent datetime.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_text)


class _ConfigLoader(_LineLoader):
    """The line loader for mkdocs.yml: MkDocs' own tags (!ENV, !relative) read as None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
