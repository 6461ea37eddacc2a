"""Check the links of the built documentation: every local target and anchor exists.

Sphinx checks what it resolves itself (``-n`` the cross-references, ``-W`` the ``:doc:``
and ``:ref:`` targets), but not the links written as URLs (``` `text <page.html#x>`_ ```,
raw HTML) nor those of the theme and of extensions. This test builds the site as CI does
(``python -m sphinx -W --keep-going -n -b html``, offline), then reads every ``href`` and
``src`` of every page: a link that is not to another site must name a file of the build,
and its ``#anchor`` must be an ``id`` (or ``name``) of that file.

With the environment variable ``PYVISA_DOCS_HTML`` naming a folder already built (the
docs step of ``.ci/run``), that folder is checked instead, without building.

Skipped when Sphinx or the theme is not installed, or when ``docs/`` is not next to the
package (an installed copy).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"

pytestmark = [
    pytest.mark.skipif(
        not (DOCS / "conf.py").is_file(),
        reason="the documentation sources (docs/ next to the pyvisa package) are not available",
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("sphinx") is None or importlib.util.find_spec("furo") is None,
        reason="building the documentation needs sphinx and furo (docs/requirements.txt)",
    ),
]

#: Seconds the build may take.
BUILD_TIMEOUT = 600


class _Links(HTMLParser):
    """The link targets (href, src) and the anchors (id, name) of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src"):
                self.links.append(value)
            elif name == "id" or (name == "name" and tag == "a"):
                self.anchors.add(value)


def _parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("PYVISA_DOCS_HTML")
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("docs_html")
    env = dict(os.environ)
    env.pop("PYVISA_LIBRARY", None)
    completed = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-n", "-b", "html"]
        + ["-d", str(out / ".doctrees"), str(DOCS), str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=BUILD_TIMEOUT,
    )
    assert completed.returncode == 0, (
        f"the documentation does not build without warnings:\n{completed.stderr}"
    )
    return out


def test_local_links_and_anchors_exist(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert (built_site / "index.html") in pages, f"{built_site} holds no built site"
    parsed: dict[Path, _Links] = {}

    def links_of(page: Path) -> _Links:
        if page not in parsed:
            parsed[page] = _parse(page)
        return parsed[page]

    broken = []
    for page in pages:
        for link in links_of(page).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue  # another site (https:, mailto:...): not checked offline
            if parts.path:
                target = (page.parent / unquote(parts.path)).resolve()
                if target.is_dir():
                    target = target / "index.html"
            else:
                target = page
            name = page.relative_to(built_site)
            if not target.is_file():
                broken.append(f"{name}: {link} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                if unquote(parts.fragment) not in links_of(target).anchors:
                    broken.append(f"{name}: {link} (no such anchor)")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken)


def test_every_source_page_is_built(built_site: Path) -> None:
    """Each page of docs/ gives an HTML page (none is left out of the build)."""
    sources = [
        page.relative_to(DOCS).with_suffix(".html")
        for page in DOCS.rglob("*.rst")
        if not {"_build", "dev", "examples"} & set(page.relative_to(DOCS).parts)
    ]
    missing = [str(name) for name in sources if not (built_site / name).is_file()]
    assert not missing, "pages not built: " + ", ".join(missing)
