"""Vectors for the parity test: what the Python engine says for thousands of inputs, written as
JSON for tests/js/engine.test.mjs, which runs the browser's engine (quiz/assets/engine.js) in Node
on the same inputs and demands identical results, codes, team summaries and CSV bytes, for
every published version of the questionnaire.

    python -m tests.parity_vectors FOLDER
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import quiz
from quiz.browser_model import build_model
from quiz.codes import ALPHABET, CodeError, decode, encode
from quiz.model import LANGUAGES, NOT_ASKED, SCALE_POINTS
from quiz.scoring import score
from quiz.team import MAX_CHARACTERS, MAX_LINES, TooLarge, compare, summarise, to_csv
from quiz.text import LINK_LIMIT, code_in
from quiz.wording import words

ANSWER_SETS = 5000  # per version
SEED = 20261127
# Blanks that Python and JavaScript used to trim differently, and other characters a paste brings.
ODD = [
    "\ufeff",
    "\u00a0",
    "\u2007",
    "\u200b",
    "\u2028",
    "\u2029",
    "\u3000",
    "\x00",
    "\x1c",
    "\x1f",
    "\x7f",
    "\x85",
    "\t",
    "\v",
    "\f",
    " ",
    "\u202f",
]
NAMES = [
    "Anna Berger",
    "Jürgen Öztürk-Maier",
    "李娜",
    'Zoë "Zo" O\'Neill',
    '=HYPERLINK("http://x","Details")',
    "+SUM(1;2)",
    "-2+3",
    "@cmd",
    "\tTab",
    "Name; mit, Trennern",
    "– Strich –",
    "",
    "Ärger\u2028Zeile",
    "123",
    "-5",
]


def result_json(result, language: str) -> dict:
    clarity = result.clarity and {
        "side": result.clarity.side,
        "gap": result.clarity.gap,
        "morePairs": result.clarity.more_pairs,
    }
    return {
        "version": result.version,
        "phases": result.phases,
        "average": result.average,
        "recommendations": list(result.recommendations),
        "level": result.level,
        "levelBand": result.level_band,
        "dropOff": result.drop_off,
        "dropOffRange": list(result.drop_range) if result.drop_range else None,
        "verdict": result.verdict,
        "dropsOff": result.drops_off,
        "pairs": result.pairs,
        "clarity": clarity,
        "headline": result.headline[language],
        "profile": result.profile,
        "reserve": result.reserve,
    }


def answer_sets(questionnaire, rng: random.Random) -> list[list]:
    """Every answer kind the version has: 1..5, and "kam nicht vor" (None) where offered."""
    statements = questionnaire.statements
    extremes = [[value] * len(statements) for value in range(1, SCALE_POINTS + 1)]
    extremes += [[None if statement.trigger else value for statement in statements] for value in (1, 5)]

    def points(statement, value):  # the answer that gives 100 (value 5) or 0 (value 1) points
        return value if statement.keyed == "plus" else SCALE_POINTS + 1 - value

    for high, low in ((5, 1), (1, 5)):  # a full drop and a full rise: the range meets ±100 points
        extremes.append(
            [points(statement, high if statement.phase != "after_sale" else low) for statement in statements]
        )
    sets = []
    for index in range(ANSWER_SETS):
        not_applicable = rng.choice([0.0, 0.2, 0.6, 1.0])
        steady = rng.randint(1, SCALE_POINTS)  # some reps answer alike everywhere: identical pairs, floored spread
        sets.append(
            [
                None
                if statement.trigger and rng.random() < not_applicable
                else (steady if index % 5 == 0 else rng.randint(1, SCALE_POINTS))
                for statement in statements
            ]
        )
    return extremes + sets + reserve_sets(questionnaire, rng)


def reserve_sets(questionnaire, rng: random.Random) -> list[list]:
    """Version 3 on: the base test alone (reserve NOT_ASKED), obvious patterns on it, and reserves
    answered in part or in full, so that "not asked" and the moderated range meet every path."""
    if not questionnaire.has_reserve:
        return []
    statements = questionnaire.statements

    def pattern(closing: int, after: int, not_applicable: bool, reserve: bool) -> list:
        answers = []
        for statement in statements:
            value = after if statement.phase == "after_sale" else closing
            answer = value if statement.keyed == "plus" else SCALE_POINTS + 1 - value
            answers.append(
                NOT_ASKED
                if statement.reserve and not reserve
                else None
                if statement.trigger and not_applicable
                else answer
            )
        return answers

    sets = [
        pattern(closing, after, not_applicable, reserve)
        for closing in range(1, 6)
        for after in range(1, 6)
        for not_applicable in (False, True)
        for reserve in (False, True)
    ]
    for _ in range(ANSWER_SETS // 2):
        share = rng.choice([0.0, 0.5, 1.0])
        sets.append(
            [
                NOT_ASKED
                if statement.reserve and rng.random() < share
                else None
                if statement.trigger and rng.random() < 0.2
                else rng.randint(1, SCALE_POINTS)
                for statement in statements
            ]
        )
    return sets


def bad_codes(questionnaires, rng: random.Random) -> list[str]:
    codes = [
        "",
        " ",
        "kein Code",
        "<img src=x onerror=alert(1)>",
        "1-",
        "-ABC",
        "1-ß",
        "1-ﬀ",
        "0-ABC",
        "01-ABC",
        f"{max(questionnaires) + 1}-ABCDEFG",
        "999-ABC",
        "1_ABC",
    ]
    for questionnaire in questionnaires.values():
        count, version = len(questionnaire.statements), questionnaire.version
        good = encode(questionnaire, [rng.randint(1, SCALE_POINTS) for _ in range(count)])
        body = good.split("-", 1)[1]
        codes += [
            f"{version}-{body[:-1]}",
            f"{version}-{body}2",
            f"{version}-{body}O",
            f"{version}-{body.lower()}",
            f" \ufeff{good}\u00a0",
            f"{good}\u2028",
            f"\x1c{good}",
            f"{version}-{'Z' * len(body)}",
            f"{version}-" + "2" * (len(body) - 1) + "3",
        ]
        if any(not statement.trigger for statement in questionnaire.statements) and questionnaire.method == "pairs":
            # "kam nicht vor" where the statement does not offer it
            codes.append(encode(questionnaire, [None] * count))
        for _ in range(200):  # one character changed, one dropped, one added
            position = rng.randrange(len(good))
            codes.append(good[:position] + rng.choice(ALPHABET + "01OI-x ") + good[position + 1 :])
            codes.append(good[:position] + good[position + 1 :])
            codes.append(good[:position] + rng.choice(ALPHABET) + good[position:])
        for _ in range(100):
            codes.append(f"{version}-" + "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, len(body) + 2))))
    return codes


def code_result(code: str, questionnaires) -> dict:
    try:
        questionnaire, answers = decode(code, questionnaires)
        return {"version": questionnaire.version, "answers": answers}
    except CodeError as error:
        return {"problem": error.reason, **({"found": error.version} if error.version is not None else {})}


def pastes(questionnaires, sets: dict, rng: random.Random) -> list[str]:
    texts = []
    for _ in range(80):
        codes = []
        for _ in range(rng.randint(0, 12)):
            version = rng.choice(sorted(questionnaires))  # mixed versions in one team
            codes.append(encode(questionnaires[version], rng.choice(sets[version])))
        lines = []
        for code in codes + rng.sample(codes, min(2, len(codes))):  # a few duplicates
            name = rng.choice(NAMES)
            blank = lambda: "".join(rng.choice(ODD) for _ in range(rng.randint(0, 3)))  # noqa: E731
            token = rng.choice(
                [
                    code,
                    code.lower(),
                    f"https://example.org/selbsttest/#code={code}",
                    f"http://127.0.0.1/selbsttest/?x=1#code={code}&utm=y",
                ]
            )
            separator = rng.choice([": ", "; ", ", ", " ", "\t", " – ", ":"])
            lines.append(f"{blank()}{name}{separator if name else ''}{blank()}{token}{blank()}")
        lines += rng.sample(["kein Code", "7-ABCDEFGHJKLMNPQ", "1-ZZZZ", "", "   ", "\ufeff", "Nur Name:"], 3)
        rng.shuffle(lines)
        texts.append(rng.choice(["\n", "\r\n", "\r"]).join(lines))
    return texts


def round_pairs(questionnaires, sets: dict, rng: random.Random) -> list[list[str]]:
    """An earlier and a current round of one team: the same version, different versions, rounds that
    mix versions, reserve answers, names that repeat within a round, people who left or joined."""
    roster = [
        "Anna Berger",
        "Ben Kaya",
        "Jürgen Öztürk-Maier",
        "李娜",
        '=HYPERLINK("http://x","Details")',
        "",
        "",
        "123",
    ]
    versions = sorted(questionnaires)
    pairs = []
    for index in range(60):
        kind = index % 4  # the same version, an older then a newer one, each line its own, the latest with reserves
        if kind == 1:
            old = rng.choice(versions[:-1])
            new = rng.choice([version for version in versions if version > old])
        else:
            old = new = None if kind == 2 else versions[-1] if kind == 3 else rng.choice(versions)
        rounds = []
        for version in (old, new):
            lines = []
            for name in rng.sample(roster, rng.randint(0, len(roster))) + rng.sample(roster, rng.randint(0, 2)):
                chosen = version or rng.choice(versions)
                pool = sets[chosen][-200:] if kind == 3 and questionnaires[chosen].has_reserve else sets[chosen]
                code = encode(questionnaires[chosen], rng.choice(pool))
                lines.append(f"{name}: {code}" if name else code)
            lines += rng.sample(["kein Code", "", "1-ZZZZ"], 1)
            rounds.append("\n".join(lines))
        pairs.append(rounds)
    return pairs


def crafted_pastes(questionnaires) -> list[str]:
    """Lines built to make a backtracking parser take quadratic time, and pastes at and beyond the limits."""
    code = encode(questionnaires[max(questionnaires)], [3] * len(questionnaires[max(questionnaires)].statements))
    run = 200_000
    return [
        "x" * run + " " + code,  # a long run of non-blanks, a blank, a code
        "Anna" + " " * run + code,  # a long run of blanks between name and code
        "Anna" + "\u3000\t" * (run // 2) + ";" + code,
        ";" * run,
        "," * run + code,
        code + ";" * run,  # separators only, before, after
        "Anna:" + "-" * run + " " + code + ";",  # a long edge of a name
        "a" * run + "\n" + "\u00a0" * run + "\n" + code,
        "x " * (run // 2) + code.lower(),
        f"Bob #code={code}" + "%20" * (run // 3) + "B",
        ("Name " + code + "\n") * 50,  # 50 duplicates
        "\n" * (MAX_LINES - 1) + code,  # exactly at the line limit: read
        "\n" * MAX_LINES + code,  # one line more: refused
        " " * (MAX_CHARACTERS - len(code)) + code,  # exactly at the character limit: read
        " " * (MAX_CHARACTERS - len(code) + 1) + code,  # one character more: refused
    ]  # astral characters count once: the links below test the same count (codePoints) at LINK_LIMIT


def links(questionnaires) -> list[str]:
    """Codes and share links, crafted ones included: ``code_in`` and ``codeIn`` must agree."""
    code = encode(questionnaires[max(questionnaires)], [4] * len(questionnaires[max(questionnaires)].statements))
    base = "https://example.org/selbsttest/#code="
    padding = LINK_LIMIT - len(base) - len(code)
    return [
        code,
        code.lower(),
        f" {code}\u00a0",
        base + code,
        base + code + "&utm=x",
        "code=",
        "code=&",
        "#code=code=" + code,
        "?code=" + code + "#code=2-ABC",
        "A" + " " * 300_000 + "B",
        base + "A" + " " * 300_000 + "B",
        base + code + " " * padding,
        base + code + " " * (padding + 1),  # at the limit, one beyond
        "\U0001f600" * (LINK_LIMIT - len(code)) + code,
        "\U0001f600" * (LINK_LIMIT - len(code) + 1) + code,
        "\ufeff" * 100_000 + code,
        "code=" * 100_000,
        "&" * 5000,
        "",
    ]


def team_or_refusal(questionnaires, text: str):
    try:
        return summarise(questionnaires, text)
    except TooLarge as error:
        return error


def team_json(team, language: str) -> dict:
    if isinstance(team, TooLarge):
        return {"tooLarge": {"characters": team.characters, "lines": team.lines}}
    return {
        "members": [
            {"line": m.line, "name": m.name, "code": m.code, "result": result_json(m.result, language)}
            for m in team.members
        ],
        "skipped": [{"line": s.line, "text": s.text, "reason": s.reason, "detail": s.detail} for s in team.skipped],
        "summaries": [
            {
                "version": s.version,
                "count": s.count,
                "averages": s.averages,
                "verdicts": s.verdicts,
                "needs": [{"id": facet_id, "count": count} for facet_id, count in s.needs],
                "reserve": s.reserve,
            }
            for s in team.summaries
        ],
    }


def rounds_json(rounds) -> dict:
    return {
        "changes": [{"version": c.version, "averages": c.averages, "verdicts": c.verdicts} for c in rounds.changes],
        "people": [
            {
                "number": p.number,
                "name": p.name,
                "version": p.version,
                "phases": p.phases,
                "dropOff": p.drop_off,
                "before": p.before,
                "now": p.now,
            }
            for p in rounds.people
        ],
        "beforeNumbers": list(rounds.before_numbers),
        "onlyBefore": list(rounds.only_before),
        "onlyNow": list(rounds.only_now),
    }


def vectors(questionnaires: dict) -> dict:
    rng = random.Random(SEED)
    by_version = {}
    for version, questionnaire in sorted(questionnaires.items()):
        sets = answer_sets(questionnaire, rng)
        by_version[version] = {
            "answers": sets,
            "codes": [encode(questionnaire, answers) for answers in sets],
            "results": [score(questionnaire, answers) for answers in sets],
        }
    texts = pastes(questionnaires, {version: data["answers"] for version, data in by_version.items()}, rng)
    texts += crafted_pastes(questionnaires)
    teams = [team_or_refusal(questionnaires, text) for text in texts]
    codes = bad_codes(questionnaires, rng)
    two_rounds = round_pairs(questionnaires, {version: data["answers"] for version, data in by_version.items()}, rng)
    rounds = [compare(summarise(questionnaires, before), summarise(questionnaires, now)) for before, now in two_rounds]
    return {
        "versions": [
            {
                "version": version,
                "answers": data["answers"],
                "codes": data["codes"],
                "results": {
                    language: [result_json(result, language) for result in data["results"]] for language in LANGUAGES
                },
            }
            for version, data in by_version.items()
        ],
        "badCodes": [{"code": code, "expected": code_result(code, questionnaires)} for code in codes],
        "pastes": texts,
        "rounds": [
            {"before": before, "now": now, "expected": rounds_json(result)}
            for (before, now), result in zip(two_rounds, rounds, strict=True)
        ],
        "links": [{"text": text, "code": code_in(text)} for text in links(questionnaires)],
        "languages": {
            language: {
                "model": build_model(questionnaires, language, link=lambda path: path),
                "teams": [team_json(team, language) for team in teams],
                "csv": [
                    None
                    if isinstance(team, TooLarge)
                    else to_csv(questionnaires, team, language, words("widgets", language))
                    for team in teams
                ],
                "csvNames": [
                    None
                    if isinstance(team, TooLarge)
                    else to_csv(questionnaires, team, language, words("widgets", language), names=True)
                    for team in teams
                ],
            }
            for language in LANGUAGES
        },
    }


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "vectors.json"
    path.write_text(json.dumps(vectors(quiz.load_all()), ensure_ascii=False), encoding="utf-8")
    return [path]


if __name__ == "__main__":
    for written in write(Path(sys.argv[1])):
        print(written)
