"""Load and validate the questionnaire definition (YAML).

Every problem becomes one DefinitionError whose message names the file, the line where YAML
gives one, the item and the problem, e.g.
``quiz/selbsttest.yml:41: statement 'as_call': unknown phase 'aftersale' (expected one of ...)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

PHASE_IDS = ("first_contact", "proposal", "closing", "after_sale")
LANGUAGES = ("de", "en")
REQUIRED_LANGUAGES = LANGUAGES  # every text in both editions
METRICS = PHASE_IDS + ("average", "drop_off")
KEYINGS = ("plus", "minus")
SCALE_POINTS = 5
MIN_STATEMENTS = 24
MIN_PER_PHASE = 5
PROFILE_COUNT = (4, 6)
RECOMMENDATION_COUNT = 3
DROP_RANGE = (-100, 100)

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_LINK = re.compile(r"^[a-z0-9][a-z0-9/_.-]*\.md(#[a-z0-9][a-z0-9_-]*)?$")


class DefinitionError(Exception):
    """One clear line: file, line, item, problem."""

    def __init__(self, path: Path | str, line: int | None, item: str, problem: str):
        where = f"{path}:{line}" if line else f"{path}"
        super().__init__(f"{where}: {item}: {problem}")


Text = dict  # language code -> text, e.g. {"de": "...", "en": "..."}


@dataclass(frozen=True)
class Phase:
    id: str
    label: Text


@dataclass(frozen=True)
class Topic:
    id: str
    label: Text
    title: Text
    text: Text
    link: str
    line: int


@dataclass(frozen=True)
class Statement:
    id: str
    phase: str
    topic: str
    keyed: str
    text: Text


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    drops_off: bool
    headline: Text


@dataclass(frozen=True)
class Profile:
    id: str
    title: Text
    text: Text
    when: dict  # metric -> (min or None, max or None); empty for the fallback profile


@dataclass(frozen=True)
class Questionnaire:
    path: Path
    version: int
    title: Text
    intro: Text
    scale: tuple
    phases: tuple
    topics: tuple
    statements: tuple
    verdict: tuple
    profiles: tuple

    def topic(self, topic_id: str) -> Topic:
        return next(topic for topic in self.topics if topic.id == topic_id)


def load(path: Path | str) -> Questionnaire:
    """Read, parse and validate a definition file, or raise DefinitionError."""
    path = Path(path)
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
        line = mark.line + 1 if mark else None
        raise DefinitionError(path, line, "YAML syntax", error.problem or str(error)) from None
    except yaml.YAMLError as error:
        raise DefinitionError(path, None, "YAML syntax", str(error)) from None
    if data is None:
        raise DefinitionError(path, None, "file", "is empty")
    return _Parser(path).questionnaire(data)


def unknown_links(questionnaire: Questionnaire, pages: set[str]) -> list[str]:
    """One message per recommendation link whose page is not in ``pages`` (docs-relative paths)."""
    return [
        f"{questionnaire.path}:{topic.line}: topic '{topic.id}': link '{topic.link}' points to no page in the docs"
        for topic in questionnaire.topics
        if topic.link.split("#")[0] not in pages
    ]


# --- YAML with line numbers -------------------------------------------------------------------


class _Mapping(dict):
    line = 0


class _Sequence(list):
    line = 0


class _DuplicateKey(Exception):
    def __init__(self, key, line):
        super().__init__(key)
        self.key, self.line = key, line


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser where installed
    """SafeLoader that remembers each mapping's line and rejects duplicate keys."""


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise _DuplicateKey(key, key_node.start_mark.line + 1)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


def _construct_sequence(loader, node):
    sequence = _Sequence(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    return sequence


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


# --- validation -------------------------------------------------------------------------------


class _Parser:
    def __init__(self, path: Path):
        self.path = path

    def fail(self, node, item: str, problem: str):
        raise DefinitionError(self.path, getattr(node, "line", None) or None, item, problem)

    # Top level

    def questionnaire(self, data) -> Questionnaire:
        self.fields(data, "top level", required=(
            "version", "title", "intro", "scale", "phases", "topics", "statements", "verdict", "profiles"))
        phases = self.phases(data)
        topics = self.topics(data)
        statements = self.statements(data, topics)
        return Questionnaire(
            path=self.path,
            version=self.integer(data, "version", "top level", low=1, high=999),
            title=self.text(data, "title", "top level"),
            intro=self.text(data, "intro", "top level"),
            scale=self.scale(data),
            phases=phases,
            topics=topics,
            statements=statements,
            verdict=self.verdict(data),
            profiles=self.profiles(data),
        )

    def scale(self, data) -> tuple:
        labels = self.sequence(data, "scale", "top level")
        if len(labels) != SCALE_POINTS:
            self.fail(labels, "scale", f"needs exactly {SCALE_POINTS} labels, found {len(labels)}")
        return tuple(self.text_value(label, labels, f"scale label {number}")
                     for number, label in enumerate(labels, start=1))

    def phases(self, data) -> tuple:
        nodes = self.sequence(data, "phases", "top level")
        phases = []
        for number, node in enumerate(nodes, start=1):
            item = f"phase #{number}"
            self.fields(node, item, required=("id", "label"))
            phases.append(Phase(id=self.identifier(node, item), label=self.text(node, "label", item)))
        found = tuple(phase.id for phase in phases)
        if found != PHASE_IDS:
            self.fail(nodes, "phases", f"must be {', '.join(PHASE_IDS)} in this order, found {', '.join(found) or 'none'}")
        return tuple(phases)

    def topics(self, data) -> tuple:
        nodes = self.sequence(data, "topics", "top level")
        if len(nodes) < RECOMMENDATION_COUNT:
            self.fail(nodes, "topics", f"needs at least {RECOMMENDATION_COUNT} topics, found {len(nodes)}")
        topics, seen = [], set()
        for number, node in enumerate(nodes, start=1):
            item = f"topic #{number}"
            self.fields(node, item, required=("id", "label", "recommendation"))
            topic_id = self.identifier(node, item)
            item = f"topic '{topic_id}'"
            if topic_id in seen:
                self.fail(node, item, "id is used twice")
            seen.add(topic_id)
            advice = node["recommendation"]
            self.fields(advice, item, required=("title", "text", "link"))
            link = advice["link"]
            if not isinstance(link, str) or not _LINK.match(link):
                self.fail(advice, item, f"link {link!r} must be a docs page like 'leitfaden/druck.md' or 'leitfaden/druck.md#grenze'")
            topics.append(Topic(
                id=topic_id,
                label=self.text(node, "label", item),
                title=self.text(advice, "title", item),
                text=self.text(advice, "text", item),
                link=link,
                line=advice.line,
            ))
        return tuple(topics)

    def statements(self, data, topics: tuple) -> tuple:
        nodes = self.sequence(data, "statements", "top level")
        topic_ids = [topic.id for topic in topics]
        statements, seen = [], set()
        for number, node in enumerate(nodes, start=1):
            item = f"statement #{number}"
            self.fields(node, item, required=("id", "phase", "topic", "keyed", "text"))
            statement_id = self.identifier(node, item)
            item = f"statement '{statement_id}'"
            if statement_id in seen:
                self.fail(node, item, "id is used twice")
            seen.add(statement_id)
            statements.append(Statement(
                id=statement_id,
                phase=self.choice(node, "phase", item, PHASE_IDS),
                topic=self.choice(node, "topic", item, topic_ids),
                keyed=self.choice(node, "keyed", item, KEYINGS),
                text=self.text(node, "text", item),
            ))
        if len(statements) < MIN_STATEMENTS:
            self.fail(nodes, "statements", f"needs at least {MIN_STATEMENTS}, found {len(statements)}")
        for phase in PHASE_IDS:
            count = sum(statement.phase == phase for statement in statements)
            if count < MIN_PER_PHASE:
                self.fail(nodes, "statements", f"phase '{phase}' needs at least {MIN_PER_PHASE} statements, found {count}")
        minus = sum(statement.keyed == "minus" for statement in statements)
        if minus * 3 < len(statements):
            self.fail(nodes, "statements", f"at least a third must be keyed 'minus', found {minus} of {len(statements)}")
        for topic in topics:
            if not any(statement.topic == topic.id for statement in statements):
                self.fail(nodes, f"topic '{topic.id}'", "is used by no statement")
        return tuple(statements)

    def verdict(self, data) -> tuple:
        nodes = self.sequence(data, "verdict", "top level")
        bands = []
        expected_low = DROP_RANGE[0]
        for number, node in enumerate(nodes, start=1):
            item = f"verdict band #{number}"
            self.fields(node, item, required=("from", "to", "drops_off", "headline"))
            low = self.integer(node, "from", item, *DROP_RANGE)
            high = self.integer(node, "to", item, *DROP_RANGE)
            if high < low:
                self.fail(node, item, f"'to' ({high}) is below 'from' ({low})")
            if low > expected_low:
                self.fail(node, item, f"leaves a gap: drop-offs {expected_low} to {low - 1} are in no band")
            if low < expected_low:
                self.fail(node, item, f"overlaps the band before: it starts at {low}, expected {expected_low}")
            drops_off = node["drops_off"]
            if not isinstance(drops_off, bool):
                self.fail(node, item, f"'drops_off' must be true or false, found {drops_off!r}")
            bands.append(Band(low, high, drops_off, self.text(node, "headline", item)))
            expected_low = high + 1
        if expected_low <= DROP_RANGE[1]:
            self.fail(nodes, "verdict", f"leaves a gap: drop-offs {expected_low} to {DROP_RANGE[1]} are in no band")
        return tuple(bands)

    def profiles(self, data) -> tuple:
        nodes = self.sequence(data, "profiles", "top level")
        low, high = PROFILE_COUNT
        if not low <= len(nodes) <= high:
            self.fail(nodes, "profiles", f"needs {low} to {high} profiles, found {len(nodes)}")
        profiles, seen = [], set()
        for number, node in enumerate(nodes, start=1):
            item = f"profile #{number}"
            self.fields(node, item, required=("id", "title", "text"), optional=("when",))
            profile_id = self.identifier(node, item)
            item = f"profile '{profile_id}'"
            if profile_id in seen:
                self.fail(node, item, "id is used twice")
            seen.add(profile_id)
            is_last = number == len(nodes)
            if is_last and "when" in node:
                self.fail(node, item, "the last profile is the fallback and must not have 'when'")
            if not is_last and "when" not in node:
                self.fail(node, item, "needs 'when' (only the last profile is the fallback)")
            profiles.append(Profile(
                id=profile_id,
                title=self.text(node, "title", item),
                text=self.text(node, "text", item),
                when=self.conditions(node["when"], item) if "when" in node else {},
            ))
        return tuple(profiles)

    def conditions(self, node, item: str) -> dict:
        self.fields(node, item, required=(), optional=METRICS)
        if not node:
            self.fail(node, item, "'when' names no condition")
        conditions = {}
        for metric, bounds in node.items():
            self.fields(bounds, f"{item} condition '{metric}'", required=(), optional=("min", "max"))
            lowest = -100 if metric == "drop_off" else 0
            minimum = self.integer(bounds, "min", item, lowest, 100) if "min" in bounds else None
            maximum = self.integer(bounds, "max", item, lowest, 100) if "max" in bounds else None
            if minimum is None and maximum is None:
                self.fail(bounds, item, f"condition '{metric}' needs 'min' or 'max'")
            if minimum is not None and maximum is not None and maximum < minimum:
                self.fail(bounds, item, f"condition '{metric}' has max {maximum} below min {minimum}")
            conditions[metric] = (minimum, maximum)
        return conditions

    # Field helpers

    def fields(self, node, item: str, required=(), optional=()):
        if not isinstance(node, dict):
            self.fail(node, item, f"must be a mapping of fields, found {_kind(node)}")
        for name in required:
            if name not in node:
                self.fail(node, item, f"missing field '{name}'")
        allowed = set(required) | set(optional)
        for name in node:
            if name not in allowed:
                self.fail(node, item, f"unknown field '{name}' (allowed: {', '.join(sorted(allowed))})")

    def sequence(self, node, field: str, item: str) -> list:
        value = node[field]
        if not isinstance(value, list) or not value:
            self.fail(value if isinstance(value, list) else node, item, f"'{field}' must be a non-empty list, found {_kind(value)}")
        return value

    def identifier(self, node, item: str) -> str:
        value = node["id"]
        if not isinstance(value, str) or not _ID.match(value):
            self.fail(node, item, f"id {value!r} must be lower-case letters, digits and '_', starting with a letter")
        return value

    def choice(self, node, field: str, item: str, allowed) -> str:
        value = node[field]
        if value not in allowed:
            self.fail(node, item, f"unknown {field} {value!r} (expected one of {', '.join(allowed)})")
        return value

    def integer(self, node, field: str, item: str, low: int, high: int) -> int:
        value = node[field]
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(node, item, f"'{field}' must be a whole number, found {_kind(value)}")
        if not low <= value <= high:
            self.fail(node, item, f"'{field}' must be between {low} and {high}, found {value}")
        return value

    def text(self, node, field: str, item: str) -> Text:
        return self.text_value(node[field], node, f"{item} {field}")

    def text_value(self, value, parent, item: str) -> Text:
        if not isinstance(value, dict):
            self.fail(parent, item, f"must be a mapping of languages like {{de: ..., en: ...}}, found {_kind(value)}")
        for language in value:
            if language not in LANGUAGES:
                self.fail(value, item, f"unknown language '{language}' (allowed: {', '.join(LANGUAGES)})")
        for language in LANGUAGES:
            text = value.get(language)
            if language in REQUIRED_LANGUAGES and language not in value:
                self.fail(value, item, f"missing the '{language}' text")
            if language in value and (not isinstance(text, str) or not text.strip()):
                self.fail(value, item, f"the '{language}' text is empty")
        return dict(value)


def _kind(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    for kind, name in ((dict, "a mapping"), (list, "a list"), (str, "text"), ((int, float), "a number")):
        if isinstance(value, kind):
            return name
    return type(value).__name__
