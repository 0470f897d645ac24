"""Validate a questionnaire definition and turn it into the frozen model.

Every problem becomes one DefinitionError whose message names the file, the line where YAML
gives one, the item and the problem, e.g.
``quiz/questionnaire.yml:41: statement 'as_call': unknown phase 'aftersale' (expected one of ...)``.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import yaml_lines
from .estimate import MIN_PAIRS
from .model import (
    DROP_RANGE,
    ESTIMATORS,
    FACET_COUNT,
    KEYINGS,
    LANGUAGES,
    LEVELS,
    METRICS,
    MIN_PER_PHASE,
    MIN_PER_PHASE_PAIRS,
    MIN_STATEMENTS,
    PAIR_METRICS,
    PHASE_IDS,
    PROFILE_COUNT,
    RECOMMENDATION_COUNT,
    RESERVE_MIN,
    SCALE_POINTS,
    VERDICTS,
    Band,
    DefinitionError,
    Facet,
    Phase,
    Profile,
    Questionnaire,
    Statement,
    Text,
)

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_LINK = re.compile(r"^[a-z0-9][a-z0-9/_.-]*\.md(#[a-z0-9][a-z0-9_-]*)?$")


def load(path: Path | str) -> Questionnaire:
    """Read, parse and validate a definition file, or raise DefinitionError."""
    path = Path(path)
    return _Parser(path).questionnaire(yaml_lines.read(path))


class Checker:
    """Field checks shared by every YAML file of the engine; each failure is one DefinitionError."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, node, item: str, problem: str):
        raise DefinitionError(self.path, getattr(node, "line", None) or None, item, problem)

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
            self.fail(
                value if isinstance(value, list) else node,
                item,
                f"'{field}' must be a non-empty list, found {_kind(value)}",
            )
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
            if language not in value:
                self.fail(value, item, f"missing the '{language}' text")
            if language in value and (not isinstance(text, str) or not text.strip()):
                self.fail(value, item, f"the '{language}' text is empty")
        return dict(value)


class _Parser(Checker):
    """The questionnaire's own rules, on top of the field checks."""

    # Top level

    def questionnaire(self, data) -> Questionnaire:
        if isinstance(data, dict) and "facets" in data:
            return self.paired_questionnaire(data)
        self.fields(
            data,
            "top level",
            required=("version", "title", "intro", "scale", "phases", "topics", "statements", "verdict", "profiles"),
        )
        phases = self.phases(data)
        facets = self.facets(data)
        statements = self.statements(data, facets)
        return Questionnaire(
            **self.common(data, phases, lowest_version=1),
            facets=facets,
            statements=statements,
            verdict=self.verdict(data),
            profiles=self.profiles(data),
        )

    def paired_questionnaire(self, data) -> Questionnaire:
        """Version 2 on: facets asked at the close and after it, matched in pairs."""
        self.fields(
            data,
            "top level",
            required=(
                "version",
                "title",
                "intro",
                "scale",
                "not_applicable",
                "phases",
                "facets",
                "statements",
                "verdict",
                "levels",
                "profiles",
            ),
            optional=("estimator",),
        )
        phases = self.phases(data)
        facets = self.facets(data, field="facets", kind="facet")
        estimator = self.choice(data, "estimator", "top level", ESTIMATORS) if "estimator" in data else "floored"
        statements = self.paired_statements(data, facets)
        return Questionnaire(
            **self.common(data, phases, lowest_version=2),
            facets=facets,
            statements=statements,
            verdict=(),
            profiles=self.profiles(data, metrics=PAIR_METRICS, verdicts=True),
            method="pairs",
            not_applicable=self.text(data, "not_applicable", "top level"),
            headlines=self.named_texts(data, "verdict", VERDICTS),
            levels=self.named_texts(data, "levels", LEVELS),
            estimator=estimator,
        )

    def common(self, data, phases: tuple, *, lowest_version: int) -> dict:
        """The fields every version has (phases are checked first, before the statements use them)."""
        return {
            "path": self.path,
            "phases": phases,
            "version": self.integer(data, "version", "top level", low=lowest_version, high=999),
            "title": self.text(data, "title", "top level"),
            "intro": self.text(data, "intro", "top level"),
            "scale": self.scale(data),
        }

    def paired_statements(self, data, facets: tuple) -> tuple:
        nodes = self.sequence(data, "statements", "top level")
        facet_ids = [facet.id for facet in facets]
        statements, seen = [], set()
        for number, node in enumerate(nodes, start=1):
            item = f"statement #{number}"
            self.fields(
                node, item, required=("id", "phase", "facet", "keyed", "trigger", "text"), optional=("pair", "reserve")
            )
            statement_id = self.identifier(node, item)
            item = f"statement '{statement_id}'"
            if statement_id in seen:
                self.fail(node, item, "id is used twice")
            seen.add(statement_id)
            if not isinstance(node["trigger"], bool):
                self.fail(node, item, f"'trigger' must be true or false, found {node['trigger']!r}")
            statements.append(
                Statement(
                    id=statement_id,
                    phase=self.choice(node, "phase", item, PHASE_IDS),
                    facet=self.choice(node, "facet", item, facet_ids),
                    keyed=self.choice(node, "keyed", item, KEYINGS),
                    text=self.text(node, "text", item),
                    trigger=node["trigger"],
                    **self.pairing(node, item, statements),
                )
            )
        for phase in PHASE_IDS:
            count = sum(statement.phase == phase for statement in statements)
            if count < MIN_PER_PHASE_PAIRS:
                self.fail(
                    nodes,
                    "statements",
                    f"phase '{phase}' needs at least {MIN_PER_PHASE_PAIRS} statements, found {count}",
                )
            if all(statement.trigger for statement in statements if statement.phase == phase):
                self.fail(
                    nodes,
                    "statements",
                    f"phase '{phase}' needs a statement without trigger, so that it always has a value",
                )
        if any(isinstance(node, dict) and "pair" in node for node in nodes):
            return self.named_pairs(data, nodes, facets, tuple(statements))
        for facet in facets:
            node = next(n for n in self.sequence(data, "facets", "top level") if n["id"] == facet.id)
            twins = {
                phase: [s for s in statements if s.facet == facet.id and s.phase == phase]
                for phase in ("closing", "after_sale")
            }
            for phase, found in twins.items():
                if len(found) != 1:
                    self.fail(
                        node,
                        f"facet '{facet.id}'",
                        f"needs exactly one '{phase}' statement (its twin), found {len(found)}",
                    )
            closing, after = twins["closing"][0], twins["after_sale"][0]
            if closing.keyed != after.keyed:
                self.fail(
                    node,
                    f"facet '{facet.id}'",
                    f"twins are keyed differently: '{closing.id}' {closing.keyed}, "
                    f"'{after.id}' {after.keyed} (agreeing with everything must cancel out)",
                )
            if closing.trigger != after.trigger:
                self.fail(
                    node,
                    f"facet '{facet.id}'",
                    f"twins differ in 'trigger': '{closing.id}' {closing.trigger}, '{after.id}' {after.trigger}",
                )
        always = sum(not s.trigger for s in statements if s.phase == "closing")
        if always < MIN_PAIRS:
            self.fail(
                nodes,
                "statements",
                f"at least {MIN_PAIRS} pairs must have no trigger, so that every reader "
                f"can reach a verdict; found {always}",
            )
        return tuple(statements)

    def pairing(self, node, item: str, earlier: list) -> dict:
        """Version 3: a statement's `pair` (closing and after_sale only) and `reserve` flag."""
        found = {}
        if "reserve" in node:
            if not isinstance(node["reserve"], bool):
                self.fail(node, item, f"'reserve' must be true or false, found {node['reserve']!r}")
            found["reserve"] = node["reserve"]
        elif earlier and earlier[-1].reserve:
            self.fail(node, item, "comes after a reserve statement: reserve statements come last")
        if "pair" in node:
            if node.get("phase") not in ("closing", "after_sale"):
                self.fail(node, item, "'pair' is only for closing and after_sale statements")
            value = node["pair"]
            if not isinstance(value, str) or not re.match(r"^[a-z][a-z0-9_]*$", value):
                self.fail(
                    node, item, f"pair {value!r} must be lower-case letters, digits and '_', starting with a letter"
                )
            found["pair"] = value
        if found.get("reserve") and "pair" not in node:
            self.fail(node, item, "a reserve statement needs a 'pair' (reserve statements are asked as twins)")
        return found

    def named_pairs(self, data, nodes, facets: tuple, statements: tuple) -> tuple:
        """Version 3: twins share a `pair` id; every facet has a pair in the base test."""
        by_id = dict(zip((s.id for s in statements), nodes, strict=False))
        for statement in statements:
            if statement.phase in ("closing", "after_sale") and not statement.pair:
                self.fail(
                    by_id[statement.id],
                    f"statement '{statement.id}'",
                    "needs a 'pair' (every closing and after_sale statement has its twin)",
                )
        pairs = {}
        for statement in statements:
            if statement.pair:
                pairs.setdefault(statement.pair, []).append(statement)
        for pair, members in pairs.items():
            node, item = by_id[members[0].id], f"pair '{pair}'"
            phases = sorted(s.phase for s in members)
            if phases != ["after_sale", "closing"]:
                self.fail(node, item, f"needs one closing and one after_sale statement, found {', '.join(phases)}")
            closing, after = (s for s in sorted(members, key=lambda s: s.phase != "closing"))
            for field, label in (
                ("keyed", "keyed differently"),
                ("trigger", "differ in 'trigger'"),
                ("facet", "belong to different facets"),
                ("reserve", "differ in 'reserve'"),
            ):
                if getattr(closing, field) != getattr(after, field):
                    self.fail(
                        node,
                        item,
                        f"twins {label}: '{closing.id}' {getattr(closing, field)}, "
                        f"'{after.id}' {getattr(after, field)}",
                    )
        base = [members for members in pairs.values() if not members[0].reserve]
        for facet in facets:
            if not any(members[0].facet == facet.id for members in base):
                node = next(n for n in self.sequence(data, "facets", "top level") if n["id"] == facet.id)
                self.fail(node, f"facet '{facet.id}'", "has no pair in the base test")
        always = sum(not members[0].trigger for members in base)
        if always < MIN_PAIRS:
            self.fail(
                nodes,
                "statements",
                f"at least {MIN_PAIRS} pairs of the base test must have no trigger, so "
                f"that every reader can reach a verdict; found {always}",
            )
        reserve = len(pairs) - len(base)
        if reserve and reserve < RESERVE_MIN:
            self.fail(nodes, "statements", f"the reserve needs at least {RESERVE_MIN} pairs, found {reserve}")
        if reserve and data.get("estimator") != "moderated":
            self.fail(
                nodes,
                "statements",
                "a reserve needs 'estimator: moderated' (the floored estimator "
                "cannot narrow its range with more pairs)",
            )
        return statements

    def named_texts(self, data, field: str, names: tuple) -> dict:
        node = data[field]
        self.fields(node, field, required=names)
        return {name: self.text(node, name, f"{field} '{name}'") for name in names}

    def scale(self, data) -> tuple:
        labels = self.sequence(data, "scale", "top level")
        if len(labels) != SCALE_POINTS:
            self.fail(labels, "scale", f"needs exactly {SCALE_POINTS} labels, found {len(labels)}")
        return tuple(
            self.text_value(label, labels, f"scale label {number}") for number, label in enumerate(labels, start=1)
        )

    def phases(self, data) -> tuple:
        nodes = self.sequence(data, "phases", "top level")
        phases = []
        for number, node in enumerate(nodes, start=1):
            item = f"phase #{number}"
            self.fields(node, item, required=("id", "label"))
            phases.append(Phase(id=self.identifier(node, item), label=self.text(node, "label", item)))
        found = tuple(phase.id for phase in phases)
        if found != PHASE_IDS:
            self.fail(
                nodes, "phases", f"must be {', '.join(PHASE_IDS)} in this order, found {', '.join(found) or 'none'}"
            )
        return tuple(phases)

    def facets(self, data, field: str = "topics", kind: str = "topic") -> tuple:
        nodes = self.sequence(data, field, "top level")
        low = FACET_COUNT[0] if field == "facets" else RECOMMENDATION_COUNT
        high = FACET_COUNT[1] if field == "facets" else 99
        if not low <= len(nodes) <= high:
            self.fail(nodes, field, f"needs {low} to {high} {field}, found {len(nodes)}")
        facets, seen = [], set()
        for number, node in enumerate(nodes, start=1):
            item = f"{kind} #{number}"
            self.fields(node, item, required=("id", "label", "recommendation"))
            facet_id = self.identifier(node, item)
            item = f"{kind} '{facet_id}'"
            if facet_id in seen:
                self.fail(node, item, "id is used twice")
            seen.add(facet_id)
            advice = node["recommendation"]
            self.fields(advice, item, required=("title", "text", "link"))
            link = advice["link"]
            if not isinstance(link, str) or not _LINK.match(link):
                self.fail(
                    advice,
                    item,
                    f"link {link!r} must be a docs page like 'leitfaden/druck.md' or 'leitfaden/druck.md#grenze'",
                )
            facets.append(
                Facet(
                    id=facet_id,
                    label=self.text(node, "label", item),
                    title=self.text(advice, "title", item),
                    text=self.text(advice, "text", item),
                    link=link,
                    line=advice.line,
                )
            )
        return tuple(facets)

    def statements(self, data, facets: tuple) -> tuple:
        nodes = self.sequence(data, "statements", "top level")
        facet_ids = [facet.id for facet in facets]
        statements, seen = [], set()
        for number, node in enumerate(nodes, start=1):
            item = f"statement #{number}"
            self.fields(node, item, required=("id", "phase", "topic", "keyed", "text"))
            statement_id = self.identifier(node, item)
            item = f"statement '{statement_id}'"
            if statement_id in seen:
                self.fail(node, item, "id is used twice")
            seen.add(statement_id)
            statements.append(
                Statement(
                    id=statement_id,
                    phase=self.choice(node, "phase", item, PHASE_IDS),
                    facet=self.choice(node, "topic", item, facet_ids),
                    keyed=self.choice(node, "keyed", item, KEYINGS),
                    text=self.text(node, "text", item),
                )
            )
        if len(statements) < MIN_STATEMENTS:
            self.fail(nodes, "statements", f"needs at least {MIN_STATEMENTS}, found {len(statements)}")
        for phase in PHASE_IDS:
            count = sum(statement.phase == phase for statement in statements)
            if count < MIN_PER_PHASE:
                self.fail(
                    nodes, "statements", f"phase '{phase}' needs at least {MIN_PER_PHASE} statements, found {count}"
                )
        minus = sum(statement.keyed == "minus" for statement in statements)
        if minus * 3 < len(statements):
            self.fail(
                nodes, "statements", f"at least a third must be keyed 'minus', found {minus} of {len(statements)}"
            )
        for facet in facets:
            if not any(statement.facet == facet.id for statement in statements):
                self.fail(nodes, f"topic '{facet.id}'", "is used by no statement")
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

    def profiles(self, data, metrics: tuple = METRICS, verdicts: bool = False) -> tuple:
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
            profiles.append(
                Profile(
                    id=profile_id,
                    title=self.text(node, "title", item),
                    text=self.text(node, "text", item),
                    when=self.conditions(node["when"], item, metrics, verdicts) if "when" in node else {},
                )
            )
        return tuple(profiles)

    def conditions(self, node, item: str, metrics: tuple = METRICS, verdicts: bool = False) -> dict:
        self.fields(node, item, required=(), optional=metrics + (("verdict",) if verdicts else ()))
        if not node:
            self.fail(node, item, "'when' names no condition")
        conditions = {}
        for metric, bounds in node.items():
            if metric == "verdict":
                allowed = [name for name in VERDICTS if name != "too_few"]
                if not isinstance(bounds, list) or not bounds or any(name not in allowed for name in bounds):
                    self.fail(
                        node,
                        item,
                        f"condition 'verdict' must list verdicts from {', '.join(allowed)}, found "
                        f'{bounds!r} (write "yes" and "no" in quotes: YAML reads them as true/false)',
                    )
                conditions[metric] = tuple(bounds)
                continue
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


def _kind(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    for kind, name in ((dict, "a mapping"), (list, "a list"), (str, "text"), ((int, float), "a number")):
        if isinstance(value, kind):
            return name
    return type(value).__name__
