"""Every file the self-assessment adds to a site, keyed by its docs path: the two pages, the
model, and the scripts and stylesheet that travel inside this package.

The caller says where a docs path ends up on its site (``url``), so any generator can place them;
the files link to each other and to the guidance relatively.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import rcssmin

from .assessment_page import render_page
from .browser_model import render_model
from .model import Questionnaire
from .team_page import render_team_page

PAGE_PATH = "selbsttest.md"  # the German address readers share: /selbsttest/
TEAM_PAGE_PATH = "team.md"
PRIVACY_PATH = "datenschutz.md"  # the site's own pages; the generator must have them
METHOD_PATH = "methode.md"  # how the self-assessment measures, linked from every result
KIT_PATH = "werkzeuge/fuehrungskraefte.md"  # the kit for sales leads, linked from the team overview
ASSET_FOLDER = "assets/selfcheck"
MODEL_PATH = f"{ASSET_FOLDER}/model.json"
# What the site serves: each page's script as one bundle (quiz/assets/dist, made by esbuild from the
# modules beside it: `npm run bundle`), and the stylesheet.
ASSETS = ("selfcheck.js", "team.js", "selfcheck.css")
SCRIPT_PATH = f"{ASSET_FOLDER}/selfcheck.js"
TEAM_SCRIPT_PATH = f"{ASSET_FOLDER}/team.js"
STYLE_PATH = f"{ASSET_FOLDER}/selfcheck.css"


def generate(questionnaires: dict[int, Questionnaire], language: str, *, url: Callable[[str], str]) -> dict[str, str]:
    """Every generated file (pages, model, assets), keyed by its docs path. The page asks the
    current (highest) version; the model carries every published one, for older codes.

    ``url`` tells where a docs path ends up on the site, e.g. ``leitfaden/druck.md`` ->
    ``leitfaden/druck/``.
    """

    def relative_to(page_path: str) -> Callable[[str], str]:
        def relative(path: str) -> str:
            target, _, anchor = path.partition("#")
            return relative_url(url(target), url(page_path)) + (f"#{anchor}" if anchor else "")

        return relative

    for_page, for_team, for_model = relative_to(PAGE_PATH), relative_to(TEAM_PAGE_PATH), relative_to(MODEL_PATH)
    current = questionnaires[max(questionnaires)]
    return {
        MODEL_PATH: render_model(questionnaires, language, link=for_model),
        PAGE_PATH: render_page(
            current,
            language,
            model_url=for_page(MODEL_PATH),
            script_url=for_page(SCRIPT_PATH),
            style_url=for_page(STYLE_PATH),
            privacy_url=for_page(PRIVACY_PATH),
            team_url=for_page(TEAM_PAGE_PATH),
            method_url=for_page(METHOD_PATH),
            style=asset("selfcheck.css"),
        ),
        TEAM_PAGE_PATH: render_team_page(
            current,
            language,
            model_url=for_team(MODEL_PATH),
            script_url=for_team(TEAM_SCRIPT_PATH),
            style_url=for_team(STYLE_PATH),
            privacy_url=for_team(PRIVACY_PATH),
            kit_url=for_team(KIT_PATH),
        ),
        **{f"{ASSET_FOLDER}/{name}": asset(name) for name in ASSETS},
    }


ASSET_FOLDER_IN_PACKAGE = Path(str(files(__package__) / "assets"))  # looked up once: each lookup costs ~10 ms


def asset(name: str) -> str:
    """One of the files the site serves, small for the reader's phone: a page's script bundle
    (already minified by esbuild), or the stylesheet, minified here."""
    if name.endswith(".css"):
        return rcssmin.cssmin((ASSET_FOLDER_IN_PACKAGE / name).read_text(encoding="utf-8"))
    return (ASSET_FOLDER_IN_PACKAGE / "dist" / name).read_text(encoding="utf-8")


def relative_url(target: str, page: str) -> str:
    """``target`` as seen from ``page`` (both site URLs without a leading slash)."""
    base = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
    relative = posixpath.relpath("/" + target, "/" + base)
    return relative + "/" if target.endswith("/") and not relative.endswith("/") else relative
