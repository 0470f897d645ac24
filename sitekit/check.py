"""Every check a build makes on the site's own data, without a build: includes/legal.yml,
includes/cadence.yml, includes/priorities.yml and the imprint and offline settings of each edition's config."""

from __future__ import annotations

import os
from pathlib import Path

from quiz import shown, yaml_lines

from . import CONFIGS, ERRORS, ROOT, cadence, imprint, legal, offline, priorities


def config_extra(path: Path) -> dict:
    """``extra`` of one MkDocs config, with what it INHERITs merged in as MkDocs merges it."""
    data = yaml_lines.read(path, shown=shown(path), config=True)
    if not isinstance(data, dict):
        return {}
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    for value in extra.values():
        if isinstance(value, yaml_lines.Mapping):
            value.source = shown(path)  # where its line number points
    if isinstance(data.get("INHERIT"), str):
        parent = config_extra(path.parent / data["INHERIT"])
        merged = {**parent, **extra}
        for key, value in extra.items():
            if isinstance(value, dict) and isinstance(parent.get(key), dict):
                merged[key] = type(value)({**parent[key], **value})
                merged[key].line, merged[key].source = getattr(value, "line", 0), shown(path)
        return merged
    return extra


def problems(root: Path = ROOT, require_imprint: str | None = None) -> list[str]:
    """One line per problem; empty when everything is in order."""
    flag = os.environ.get("REQUIRE_IMPRINT", "") if require_imprint is None else require_imprint
    found = []
    includes = root / "includes"
    for load, path in (
        (legal.load, includes / "legal.yml"),
        (cadence.load, includes / "cadence.yml"),
        (priorities.load, includes / "priorities.yml"),
    ):
        try:
            load(path)
        except ERRORS as error:
            found.append(str(error))
    for name in CONFIGS:
        path = root / name
        try:
            extra = config_extra(path)
            offline.switch(extra.get("offline"), shown(path))
            settings = extra.get("imprint")
            imprint.load(settings, getattr(settings, "source", shown(path)), require=imprint.require_flag(flag))
        except ERRORS as error:
            found.append(str(error))
    return list(dict.fromkeys(found))  # an inherited setting is reported once
