"""The house rules that keep the code base navigable, checked on the source itself.

Dependencies point one way: the core (``partnerships``) imports no feature app outside the
initial content and the management commands; feature apps import ``partnerships`` and
themselves, and only ``casestudies`` imports ``concepts`` (for the citations). Imports inside
functions count as well.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("partnerships", "concepts", "casestudies", "news")
FEATURES = ("concepts", "casestudies", "news")
# The feature apps each app may import (besides itself and partnerships).
ALLOWED = {"partnerships": (), "concepts": (), "casestudies": ("concepts",), "news": ()}
# Parts of the core that build the site from all apps: the initial content and commands.
CORE_MAY_IMPORT_FEATURES = ("partnerships/initial_content/", "partnerships/management/")


def imported_modules(source):
    """Every module an ``import`` or ``from … import`` in ``source`` names, at any depth."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def forbidden_arrows(sources):
    """(file, imported module) for each import that breaks the rules; ``sources`` maps
    paths relative to the project (``concepts/models.py``) to their text."""
    arrows = []
    for path, source in sources.items():
        app = path.split("/", 1)[0]
        for module in imported_modules(source):
            target = module.split(".", 1)[0]
            if target not in APPS or target in (app, "partnerships"):
                if app in FEATURES and module.startswith("partnerships.templatetags"):
                    arrows.append((path, module))  # template tags are for templates
                continue
            if app == "partnerships" and path.startswith(CORE_MAY_IMPORT_FEATURES):
                continue
            if target not in ALLOWED[app]:
                arrows.append((path, module))
    return arrows


def project_sources():
    return {
        path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    }


def models_looked_up_by_name(source):
    """``apps.get_model("<feature app>", …)`` calls: an import by another name."""
    return [
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", "") == "get_model"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and str(node.args[0].value).split(".")[0] in FEATURES
    ]


def test_dependencies_point_one_way():
    assert forbidden_arrows(project_sources()) == []


def test_the_core_looks_up_no_feature_model_by_name():
    """Page types carry their metadata; the core reads it instead of naming them."""
    found = {
        path: names
        for path, source in project_sources().items()
        if path.startswith("partnerships/") and not path.startswith(CORE_MAY_IMPORT_FEATURES)
        for names in [models_looked_up_by_name(source)]
        if names
    }
    assert found == {}
    assert models_looked_up_by_name('apps.get_model("news", "NewsPage")') == ["news"]


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("concepts/models.py", "def f():\n    from casestudies.models import CaseStudyPage\n"),
        ("partnerships/templatetags/navigation_tags.py", "from news.models import NewsPage\n"),
        ("news/models.py", "import casestudies.models\n"),
        ("casestudies/models.py", "from partnerships.templatetags.image_tags import x\n"),
    ],
)
def test_the_check_finds_each_kind_of_forbidden_arrow(path, source):
    assert forbidden_arrows({path: source}) == [(path, next(imported_modules(source)))]


def test_allowed_arrows_pass_the_check():
    sources = {
        "casestudies/models.py": "from concepts.models import ConceptPage\n",
        "news/models.py": "from partnerships.models.base import BasePage\n",
        "partnerships/initial_content/builder.py": "from news.models import NewsPage\n",
    }
    assert forbidden_arrows(sources) == []


def test_a_concept_filter_with_the_slug_of_another_page_finds_nothing(client, site_tree):
    from tests.helpers import main_text

    response = client.get("/praxisbeispiele/", {"konzept": site_tree.impressum.slug})
    assert response.status_code == 200
    assert "Unbekannter Filterwert" in main_text(response)


def test_a_concept_page_lists_its_citing_case_studies_through_the_reverse_relation(
    client, site_tree
):
    concept = site_tree.concepts[0]
    cited_by = {link.page.title for link in concept.specific.cited_by_case_studies.all()}
    assert cited_by
    text = client.get(concept.url).content.decode()
    for title in cited_by:
        assert title in text
