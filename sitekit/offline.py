"""Each edition installable and readable without a connection (issues 12 and 20): after the
build, a web app manifest, icons made from the site's logo (docs/assets/favicon.svg: two SVGs and
three PNGs drawn with Pillow), a service worker (sw.js, from the template sitekit/offline/sw.js)
that stores every page of the edition, its search index and the assets those pages use once the
reader saves the edition, and offline.json with the size of that store, which the save control
states first. Switched off, sw.js becomes sitekit/offline/off.js, which deletes the edition's
stores and unregisters itself on phones that installed an earlier one."""

from __future__ import annotations

import hashlib
import io
import json
import posixpath
import re
from importlib.resources import files as package_files
from pathlib import Path
from xml.etree import ElementTree

from quiz.wording import words

from . import ROOT, SiteError

ASSETS = ROOT / "docs" / "assets"  # the logo (favicon.svg) and the palette (stylesheets/site.css)
WORKER, MANIFEST, ICON, MASKABLE = "sw.js", "manifest.webmanifest", "assets/icons/icon.svg", "assets/icons/maskable.svg"
SIZE = "offline.json"  # {"bytes": the store's size}, for the save control (assets/offline.js)
# PNG icons for launchers that take no SVG: (path, pixels, maskable). Not stored for offline use:
# only the browser reads them, when it installs the edition.
PNG_ICONS = (
    ("assets/icons/icon-192.png", 192, False),
    ("assets/icons/icon-512.png", 512, False),
    ("assets/icons/maskable-512.png", 512, True),
)
SLATE_BACKGROUND = "#1e2129"  # Material's own background of the dark scheme, hsl(225 15% 14%)
# Addresses the pages use: links, scripts, styles, images, the self-assessment's model, and
# Material's search worker (in the page's __config).
REFERENCE = re.compile(r'(?:\b(?:href|src|data-model)=|"search":\s*)"([^"#?]+)"')
SVG = "{http://www.w3.org/2000/svg}"
SCHEMES = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/)", re.I)


def template(name: str) -> str:
    """A worker template shipped with the package: sw.js or off.js."""
    return (package_files(__package__) / "offline" / name).read_text(encoding="utf-8")


def switch(value, where: str) -> bool:
    """extra.offline: true (the default) or false."""
    if value is None:
        return True
    if not isinstance(value, bool):
        raise SiteError(f"{where}: extra.offline: expected true or false, got {value!r}")
    return value


def write(
    site: Path, *, on: bool, name: str, description: str, language: str, alternates, assets: Path = ASSETS
) -> None:
    """Everything offline use needs, into the built edition ``site``."""
    if not on:
        (site / WORKER).write_text(template("off.js"), encoding="utf-8")
        return
    write_icons(site, assets / "favicon.svg")
    colours = palette(assets / "stylesheets" / "site.css")
    (site / MANIFEST).write_text(
        json.dumps(manifest(name, description, language, colours), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    others = other_editions(alternates)
    stored = precache(site, others)
    (site / SIZE).write_text(json.dumps({"bytes": size(site, stored)}), encoding="utf-8")
    stored = sorted([*stored, SIZE])
    (site / WORKER).write_text(worker(stored, others, version(site, stored)), encoding="utf-8")


def worker(stored: list[str], others: list[str], store_version: str) -> str:
    text = template("sw.js")
    for name, value in (
        ("FILES_HERE", json.dumps(stored)),
        ("OTHER_EDITIONS_HERE", json.dumps(others)),
        ("VERSION_HERE", store_version),
    ):
        text = text.replace(name, value)
    return text


def other_editions(alternates) -> list[str]:
    """Folders inside this edition that hold another edition (the language selector's links), e.g. ["en/"]."""
    folders = []
    for alternate in alternates or []:
        link = posixpath.normpath(str(alternate.get("link", "")))
        if link not in (".", "") and not link.startswith("..") and not SCHEMES.match(link):
            folders.append(link.rstrip("/") + "/")
    return folders


def precache(site: Path, others: list[str]) -> list[str]:
    """Every page of the edition (as its address), the search index, the assets the pages use and
    the search language files the edition needs; paths relative to the edition's root, no source maps."""

    def inside(path: str) -> bool:
        return not path.startswith("..") and not any(path.startswith(folder) for folder in others)

    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    pages = [page for page in pages if inside(page)]
    stored = {"search/search_index.json", "sitemap.xml", MANIFEST, ICON, MASKABLE}
    for page in pages:
        stored.add(page[: -len("index.html")] if page.endswith("index.html") else page)
        folder = posixpath.dirname(page)
        for reference in REFERENCE.findall((site / page).read_text(encoding="utf-8")):
            if SCHEMES.match(reference):
                continue
            path = posixpath.normpath(posixpath.join(folder, reference))
            if inside(path) and (site / path).is_file() and not path.endswith((".map", ".html")):
                stored.add(path)
    stored |= search_languages(site)
    missing = sorted(path for path in stored if not stored_file(site, path).is_file())
    if missing:
        raise SiteError(
            "sitekit/offline.py: files to store for offline use are missing from the build: " + ", ".join(missing)
        )
    return sorted(stored)


def search_languages(site: Path) -> set[str]:
    """The lunr files Material's search worker loads for the edition's languages (none for English)."""
    try:
        languages = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["lang"]
    except (OSError, ValueError, KeyError) as error:
        raise SiteError(
            f"sitekit/offline.py: search/search_index.json: cannot read the search languages ({error})"
        ) from None
    base = "assets/javascripts/lunr/"
    found = {base + f"min/lunr.{language}.min.js" for language in languages if language != "en"}
    found |= {base + "tinyseg.js" for language in languages if language == "ja"}
    found |= {base + "wordcut.js" for language in languages if language in ("hi", "th")}
    if len(languages) > 1:
        found.add(base + "min/lunr.multi.min.js")
    return found | {base + "min/lunr.stemmer.support.min.js"} if found else found


def size(site: Path, stored: list[str]) -> int:
    """The bytes the store holds: every stored file as the server sends it, uncompressed."""
    return sum(stored_file(site, path).stat().st_size for path in stored)


def stored_file(site: Path, path: str) -> Path:
    """The built file behind a stored address: a page's address ("a/") is its a/index.html."""
    return site / path if (site / path).is_file() else site / path / "index.html"


def version(site: Path, stored: list[str]) -> str:
    """A hash of every stored file's name and content: the store's name changes with any of them."""
    digest = hashlib.sha256()
    for path in stored:
        digest.update(path.encode() + b"\0" + stored_file(site, path).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def manifest(name: str, description: str, language: str, colours: dict[str, str]) -> dict:
    """Name, start and scope (the edition's root, relative, so it works under /REPO/ and at a
    domain root), colours of the site's palette (``palette()``), and the icons."""
    return {
        "id": "./",
        "name": name,
        "short_name": words("site", language)["appShortName"],
        "description": description,
        "lang": language,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": colours["light"],
        "background_color": "#ffffff",
        # The dark scheme's colours, for browsers that read them (Chromium's "user_preferences").
        "user_preferences": {
            "color_scheme_dark": {"theme_color": colours["dark"], "background_color": SLATE_BACKGROUND}
        },
        "icons": [
            {"src": ICON, "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
            {"src": MASKABLE, "sizes": "any", "type": "image/svg+xml", "purpose": "maskable"},
            *(
                {
                    "src": path,
                    "sizes": f"{pixels}x{pixels}",
                    "type": "image/png",
                    "purpose": "maskable" if mask else "any",
                }
                for path, pixels, mask in PNG_ICONS
            ),
        ],
    }


def palette(css_path: Path = ASSETS / "stylesheets" / "site.css") -> dict[str, str]:
    """The primary colour of the light and the dark scheme, from docs/assets/stylesheets/site.css."""
    css = css_path.read_text(encoding="utf-8")

    def primary(selector: str) -> str | None:
        block = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
        found = block and re.search(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{3,8})\s*;", block.group(1))
        return found.group(1) if found else None

    light = primary('[data-md-color-primary="custom"]')
    if light is None:
        raise SiteError("docs/assets/stylesheets/site.css: no --md-primary-fg-color for the custom primary colour")
    return {"light": light, "dark": primary('[data-md-color-scheme="slate"][data-md-color-primary="custom"]') or light}


def maskable(logo: str) -> str:
    """The logo at two thirds of the size on a full square of its background colour, so it stays
    inside the safe circle any mask keeps."""
    background = re.search(r'fill="(#[0-9a-fA-F]{3,8})"', logo)
    inner = re.fullmatch(r"\s*<svg\b[^>]*>(.*)</svg>\s*", logo, re.S)
    if background is None or inner is None:
        raise SiteError("docs/assets/favicon.svg: expected one <svg> whose first shape has a fill colour")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">'
        f'<rect width="48" height="48" fill="{background.group(1)}"/>'
        f'<svg x="8" y="8" width="32" height="32" viewBox="0 0 32 32">{inner.group(1)}</svg></svg>'
    )


def write_icons(site: Path, logo_path: Path = ASSETS / "favicon.svg") -> None:
    logo = logo_path.read_text(encoding="utf-8")
    icon = maskable(logo)
    (site / posixpath.dirname(ICON)).mkdir(parents=True, exist_ok=True)
    (site / ICON).write_text(logo, encoding="utf-8")
    (site / MASKABLE).write_text(icon, encoding="utf-8")
    for path, pixels, mask in PNG_ICONS:
        (site / path).write_bytes(png(logo, pixels, maskable=mask))


def png(logo: str, pixels: int, *, maskable: bool = False) -> bytes:
    """The logo as a square PNG of ``pixels``, drawn with Pillow from the SVG's own shapes
    (rect, line, polyline; fill, stroke, stroke-width, round caps and joins, a dash pattern). The
    maskable one puts the logo at two thirds of the size on a full square of its background, like
    ``maskable()``. Drawn four times larger, then scaled down, for smooth edges."""
    from PIL import Image, ImageDraw  # only the build needs Pillow

    root = ElementTree.fromstring(logo)
    box = [float(number) for number in root.get("viewBox", "").split()]
    shapes = list(root)
    if len(box) != 4 or not shapes or shapes[0].tag != SVG + "rect" or not shapes[0].get("fill"):
        raise SiteError("docs/assets/favicon.svg: expected a viewBox and a first <rect> with a fill colour")
    big = pixels * 4
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=shapes[0].get("fill"))
    scale, offset = (big * 2 / 3 / box[2], big / 6) if maskable else (big / box[2], 0)

    def point(x, y):
        return (offset + (float(x) - box[0]) * scale, offset + (float(y) - box[1]) * scale)

    for shape in shapes:
        kind, get = shape.tag.removeprefix(SVG), shape.get
        width = float(get("stroke-width", "1")) * scale
        if kind == "rect":
            corners = (
                point(get("x", 0), get("y", 0)),
                point(float(get("x", 0)) + float(get("width")), float(get("y", 0)) + float(get("height"))),
            )
            draw.rounded_rectangle(corners, radius=float(get("rx", 0)) * scale, fill=get("fill"))
        elif kind in ("line", "polyline"):
            numbers = (
                [get("x1"), get("y1"), get("x2"), get("y2")]
                if kind == "line"
                else re.split(r"[\s,]+", get("points").strip())
            )
            points = [point(x, y) for x, y in zip(numbers[::2], numbers[1::2], strict=True)]
            dashes = [float(number) * scale for number in get("stroke-dasharray", "").split()]
            round_ends = get("stroke-linecap") == "round" or get("stroke-linejoin") == "round"
            for piece in dashed(points, dashes) if dashes else [points]:
                for start, end in zip(piece, piece[1:], strict=False):  # each segment, so that joins stay exact
                    draw.line((start, end), fill=get("stroke"), width=round(width))
                for x, y in piece if round_ends else ():  # round caps and joins: a dot at each point
                    draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=get("stroke"))
        else:
            raise SiteError(f"docs/assets/favicon.svg: <{kind}>: the PNG icons can draw rect, line and polyline only")
    output = io.BytesIO()
    image.resize((pixels, pixels), Image.Resampling.LANCZOS).save(output, "PNG", optimize=True)
    return output.getvalue()


def dashed(points, pattern):
    """The drawn pieces of a dashed two-point line: on, off, on, ... along it."""
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    pieces, at, index = [], 0.0, 0
    while at < length:
        end = min(at + pattern[index % len(pattern)], length)
        if index % 2 == 0:
            pieces.append(
                [
                    (x1 + (x2 - x1) * at / length, y1 + (y2 - y1) * at / length),
                    (x1 + (x2 - x1) * end / length, y1 + (y2 - y1) * end / length),
                ]
            )
        at, index = end, index + 1
    return pieces
