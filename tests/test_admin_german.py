"""German throughout: editors and moderators see no English or half-translated admin strings.

Every admin screen a Redakteur or a Moderator can use is rendered once (one module-wide data
set) and its visible text - text nodes, title/aria-label/placeholder/alt, tooltips, button
values and the sidebar menu - is searched for the English and odd German strings these screens
showed before the project catalog (locale/de/LC_MESSAGES) existed. The catalog's compiled .mo
files are committed; a test here checks they match the .po files (pure Python, no gettext).
"""

import json
import re
import struct
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents.models import Document
from wagtail.models import Page, Workflow, WorkflowState

from tests.conftest import _user_in_group, outer_transaction
from tests.factories import build_site
from tests.helpers import news_form_data, strip_tags

# What the screens showed before the fix, whole words, case-sensitive. English left in the
# German catalogs or never translated, and the second words for one thing ("Moderation" and
# "genehmigen" beside "Freigabe", "Hervorgehobene" beside "Empfohlene", "Reviewer" and
# "Gutachter" beside "Prüfer"), half-translated "seite-Objekt", and the usual English
# button words, should anything fall back to English.
ENGLISH = [
    # seen before the fix
    "Password",
    "a second ago",
    "seconds ago",
    "minutes ago",
    "Dashboard",
    "Reviewer",
    "Reviewers",
    "Gutachter",
    "Moderation",
    "Moderationsphase",
    "genehmigen",
    "Freischaltung",
    "freigeschaltet",
    "Objekt",
    "Hervorgehobene",
    "Hervorgehobenes",
    "Hervorhebung",
    "Views",
    "Home",
    "Breadcrumb",
    "URL Generator",
    "Locale",
    "Search",
    "Actions",
    "Live",
    "live gehen",
    "Webseitenverlauf",
    "Alternde Seiten",
    "Seitenzusammenfassung",
    "Such-Umleitungen",
    "Benachrichtung",
    "Kommentarbenachichtigungen",
    "Instanzen",
    # English words of the admin, should a translation go missing
    "Save draft",
    "Publish",
    "Unpublish",
    "Submit",
    "Refresh",
    "Page object",
    "Choose",
    "Edit",
    "Delete",
    "Cancel",
    "Preview",
    "History",
    "Settings",
    "Sign in",
    "Log out",
    "Promoted search results",
    "Search terms",
    "Locked pages",
    "Remember me",
    "Enter password",
]
pytestmark = pytest.mark.django_db  # so that the test database is set up at all

ENGLISH_RE = re.compile(r"\b(?:" + "|".join(re.escape(word) for word in ENGLISH) + r")\b")
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value")


def visible_text(html):
    """What a user reads or hears: text nodes (no scripts or styles), the attributes screen
    readers and tooltips show, submit button texts and the sidebar menu's labels."""
    doc = BeautifulSoup(html, "html.parser")
    parts = []
    for script in doc.find_all("script"):
        if script.get("id") == "wagtail-sidebar-props":
            parts.extend(_labels(json.loads(script.string)))
        script.decompose()
    for node in doc.find_all("style"):
        node.decompose()
    for node in doc.find_all(string=True):
        if not isinstance(node, Comment):
            parts.append(node)
    for element in doc.find_all(True):
        parts.extend(element[name] for name in ATTRIBUTES if isinstance(element.get(name), str))
        if element.name == "input" and element.get("type") in ("submit", "button", "reset"):
            parts.append(element.get("value", ""))
    return " | ".join(" ".join(part.split()) for part in parts if part.strip())


def _labels(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "label" and isinstance(value, str):
                yield value
            else:
                yield from _labels(value)
    elif isinstance(data, list):
        for value in data:
            yield from _labels(value)


def english_in(text):
    """The English strings in ``text``, each with a little context."""
    return sorted(
        {f"{m.group(0)!r} in …{text[max(0, m.start() - 40) : m.end() + 40]}…"}.pop()
        for m in ENGLISH_RE.finditer(text)
    )


# --- The screens ------------------------------------------------------------------------------
# name: (URL name, arguments from the data set, query string). The arguments are attribute
# names of the namespace the fixture builds.

BOTH = {
    "dashboard": ("wagtailadmin_home", (), ""),
    "account": ("wagtailadmin_account", (), ""),
    "two_factor": ("zwei_faktor_einrichten", (), ""),
    "explore_news": ("wagtailadmin_explore", ("news_index",), ""),
    "explore_case_studies": ("wagtailadmin_explore", ("cs_index",), ""),
    "explore_concepts": ("wagtailadmin_explore", ("concept_index",), ""),
    "page_search": ("wagtailadmin_pages:search", (), "?q=Cluster"),
    "add_news": ("wagtailadmin_pages:add", ("news_type", "news_index"), ""),
    "add_case_study": ("wagtailadmin_pages:add", ("cs_type", "cs_index"), ""),
    "edit_news": ("wagtailadmin_pages:edit", ("news",), ""),
    "edit_submitted_news": ("wagtailadmin_pages:edit", ("submitted",), ""),
    "edit_locked_news": ("wagtailadmin_pages:edit", ("locked",), ""),
    "edit_case_study": ("wagtailadmin_pages:edit", ("case_study",), ""),
    "edit_concept": ("wagtailadmin_pages:edit", ("concept",), ""),
    "page_history": ("wagtailadmin_pages:history", ("submitted",), ""),
    "page_usage": ("wagtailadmin_pages:usage", ("news",), ""),
    "workflow_history": ("wagtailadmin_pages:workflow_history", ("submitted",), ""),
    "workflow_history_detail": (
        "wagtailadmin_pages:workflow_history_detail",
        ("submitted", "workflow_state"),
        "",
    ),
    "cancel_workflow": ("wagtailadmin_pages:confirm_workflow_cancellation", ("submitted",), ""),
    "delete_draft": ("wagtailadmin_pages:delete", ("submitted",), ""),
    "copy_page": ("wagtailadmin_pages:copy", ("news",), ""),
    "choose_page": ("wagtailadmin_choose_page", (), ""),
    "images": ("wagtailimages:index", (), ""),
    "add_images": ("wagtailimages:add_multiple", (), ""),
    "choose_image": ("wagtailimages_chooser:choose", (), ""),
    "documents": ("wagtaildocs:index", (), ""),
    "add_documents": ("wagtaildocs:add_multiple", (), ""),
    "choose_document": ("wagtaildocs_chooser:choose", (), ""),
    "report_workflows": ("wagtailadmin_reports:workflow", (), ""),
    "report_workflow_tasks": ("wagtailadmin_reports:workflow_tasks", (), ""),
    "report_site_history": ("wagtailadmin_reports:site_history", (), ""),
    "report_aging_pages": ("wagtailadmin_reports:aging_pages", (), ""),
    "report_page_types": ("wagtailadmin_reports:page_types_usage", (), ""),
    "forms": ("wagtailforms:index", (), ""),
    "editor_guide": ("partnerships_editor_guide", (), ""),
    "contact_persons": ("wagtailsnippets_partnerships_contactperson:list", (), ""),
    "contact_person_add": ("wagtailsnippets_partnerships_contactperson:add", (), ""),
}
MODERATOR_ONLY = {
    "explore_root": ("wagtailadmin_explore_root", (), ""),
    "add_concept": ("wagtailadmin_pages:add", ("concept_type", "concept_index"), ""),
    "delete_page": ("wagtailadmin_pages:delete", ("news",), ""),
    "unpublish_page": ("wagtailadmin_pages:unpublish", ("news",), ""),
    "move_page": ("wagtailadmin_pages:move", ("news",), ""),
    "page_privacy": ("wagtailadmin_pages:set_privacy", ("news",), ""),
    "approve": (
        "wagtailadmin_pages:collect_workflow_action_data",
        ("submitted", "approve", "task_state"),
        "",
    ),
    "request_changes": (
        "wagtailadmin_pages:collect_workflow_action_data",
        ("submitted", "reject", "task_state"),
        "",
    ),
    "edit_image": ("wagtailimages:edit", ("image",), ""),
    "image_usage": ("wagtailimages:image_usage", ("image",), ""),
    "delete_image": ("wagtailimages:delete", ("image",), ""),
    "edit_document": ("wagtaildocs:edit", ("document",), ""),
    "snippets": ("wagtailsnippets:index", (), ""),
    "snippet_list": ("wagtailsnippets_partnerships_branche:list", (), ""),
    "snippet_add": ("wagtailsnippets_partnerships_branche:add", (), ""),
    "snippet_edit": ("wagtailsnippets_partnerships_branche:edit", ("branche",), ""),
    "snippet_history": ("wagtailsnippets_partnerships_branche:history", ("branche",), ""),
    "snippet_delete": ("wagtailsnippets_partnerships_branche:delete", ("branche",), ""),
    "report_locked_pages": ("wagtailadmin_reports:locked_pages", (), ""),
    "search_promotions": ("wagtailsearchpromotions:index", (), ""),
    "search_promotion_add": ("wagtailsearchpromotions:add", (), ""),
    "search_promotion_edit": ("wagtailsearchpromotions:edit", ("query",), ""),
    "search_promotion_delete": ("wagtailsearchpromotions:delete", ("query",), ""),
    "redirects": ("wagtailredirects:index", (), ""),
    "redirect_add": ("wagtailredirects:add", (), ""),
    "report_search_terms": ("wagtailsearchpromotions:search_terms", (), ""),
}
SCREENS = {"redakteur": BOTH, "moderator": {**BOTH, **MODERATOR_ONLY}}
CASES = [(role, name) for role, screens in SCREENS.items() for name in screens]


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """The site, an editor's submitted news item, a locked one, a search promotion and a
    document; then every screen rendered once per role: {(role, name): (status, text)}."""
    with outer_transaction(django_db_blocker), django_db_blocker.unblock():
        tree = build_site()
        editor = _user_in_group("redakteurin", "Redakteure")
        moderator = _user_in_group("moderator", "Moderatoren")
        client = Client()
        client.force_login(editor)
        response = client.post(
            reverse("wagtailadmin_pages:add", args=("news", "newspage", tree.news_index.pk)),
            news_form_data("Eingereichte Meldung", **{"action-submit": "action-submit"}),
            follow=True,
        )
        submit_messages = [strip_tags(str(m)) for m in response.context["messages"]]
        submitted = Page.objects.get(title="Eingereichte Meldung")
        state = WorkflowState.objects.get(object_id=str(submitted.pk))
        locked = tree.seed_news
        locked.locked, locked.locked_by, locked.locked_at = True, moderator, timezone.now()
        locked.save(update_fields=["locked", "locked_by", "locked_at"])
        query = Query.get("Cluster")
        query.add_hit()
        SearchPromotion.objects.create(query=query, page=tree.concepts[0], sort_order=0)
        document = Document.objects.create(title="Leitfaden", uploaded_by_user=editor)
        document.file.save("leitfaden.pdf", ContentFile(b"%PDF-1.4\n"))
        data = {
            "news_index": tree.news_index.pk,
            "cs_index": tree.cs_index.pk,
            "concept_index": tree.concept_index.pk,
            "news_type": ("news", "newspage"),
            "cs_type": ("casestudies", "casestudypage"),
            "concept_type": ("concepts", "conceptpage"),
            "news": tree.news[1].pk,
            "submitted": submitted.pk,
            "locked": locked.pk,
            "case_study": tree.case_studies["oldenburg"].pk,
            "concept": tree.concepts[0].pk,
            "workflow_state": state.pk,
            "task_state": state.current_task_state.pk,
            "approve": "approve",
            "reject": "reject",
            "image": tree.image.pk,
            "document": document.pk,
            "branche": tree.branchen["logistik"].pk,
            "query": query.pk,
        }
        assert Workflow.objects.filter(active=True).count() == 1
        pages = {}
        for role, user in (("redakteur", editor), ("moderator", moderator)):
            client.force_login(user)
            for name, (url_name, arg_names, query_string) in SCREENS[role].items():
                args = []
                for arg in arg_names:
                    value = data[arg]
                    args.extend(value if isinstance(value, tuple) else [value])
                response = client.get(reverse(url_name, args=args) + query_string)
                body = response.content.decode()
                if response.get("Content-Type", "").startswith("application/json"):
                    body = json.loads(body).get("html", "")  # the choosers' modal
                pages[role, name] = (response.status_code, visible_text(body))
            catalog = client.get(reverse("wagtailadmin_javascript_catalog"))
            pages[role, "javascript"] = (catalog.status_code, catalog)
        client.logout()
        for name in ("wagtailadmin_login", "wagtailadmin_password_reset"):
            response = client.get(reverse(name))
            pages["anonym", name] = (response.status_code, visible_text(response.content.decode()))
        pages["redakteur", "submit_messages"] = (200, submit_messages)
        yield pages


@pytest.mark.parametrize("role,name", CASES, ids=[f"{r}-{n}" for r, n in CASES])
def test_admin_screen_is_german(rendered, role, name):
    status, text = rendered[role, name]
    assert status == 200, f"{role} cannot open {name} ({status})"
    assert english_in(text) == []


@pytest.mark.parametrize("name", ["wagtailadmin_login", "wagtailadmin_password_reset"])
def test_login_screens_are_german(rendered, name):
    status, text = rendered["anonym", name]
    assert status == 200
    assert english_in(text) == []


def test_login_asks_for_the_passwort(rendered):
    status, text = rendered["anonym", "wagtailadmin_login"]
    assert "Passwort" in text.split(" | ")


def test_one_word_for_approval_and_for_search_promotions(rendered):
    """The editor's submission message and the moderator's screens speak of „Freigabe“; the
    menu, title and button of search promotions say „Empfohlene Suchergebnisse“."""
    moderator = {name: text for (role, name), (_, text) in rendered.items() if role == "moderator"}
    assert "Mit Kommentar freigeben" in moderator["approve"]
    assert "Freigabe durch Moderatoren" in moderator["report_workflows"]
    assert (
        "Nur Prüfer können diesen Inhalt bearbeiten und freigeben"
        in rendered["redakteur", "edit_submitted_news"][1]
    )
    assert "Empfohlene Suchergebnisse" in moderator["dashboard"]  # the menu
    assert "Empfohlene Suchergebnisse" in moderator["search_promotions"]
    assert "Empfohlenes Suchergebnis hinzufügen" in moderator["search_promotion_add"]
    assert "vor " in moderator["edit_submitted_news"]  # „Eingereicht … vor 3 Sekunden“


def test_editor_is_told_the_page_went_to_freigabe(rendered):
    _, messages = rendered["redakteur", "submit_messages"]
    expected = "Seite „Eingereichte Meldung“ erstellt und zur Freigabe eingereicht."
    assert messages[0].startswith(expected)


@pytest.mark.parametrize("role", ["redakteur", "moderator"])
def test_javascript_strings_are_german(rendered, role):
    """Strings of the admin's scripts (StreamField, comments, autosave, sidebar)."""
    _, response = rendered[role, "javascript"]
    source = response.content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", source, re.S).group(1))
    texts = []
    for value in catalog.values():
        texts.extend(value if isinstance(value, list) else [value])
    assert catalog["Dashboard"] == "Übersicht"
    assert [english_in(text) for text in texts if english_in(text)] == []
    assert catalog["Save error"] == "Fehler beim Speichern"


# --- The committed .mo files match the .po files ----------------------------------------------

LOCALE = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES"


def po_catalog(path):
    """msgid -> msgstr as msgfmt compiles them: contexts joined with EOT, plural forms with
    NUL, fuzzy and untranslated entries left out."""
    entries, entry, key = [], {}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#"):
            if line.startswith("#,") and "fuzzy" in line:
                entry["fuzzy"] = True
            continue
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, key = {}, None
            continue
        match = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
        if match:
            key = match.group(1)
            entry[key] = _unquote(match.group(2))
        else:
            entry[key] += _unquote(re.match(r'"(.*)"$', line).group(1))
    catalog = {}
    for entry in entries:
        msgid = entry["msgid"]
        if "msgid_plural" in entry:
            msgid += "\0" + entry["msgid_plural"]
            forms = sorted(k for k in entry if k.startswith("msgstr["))
            msgstr = "\0".join(entry[k] for k in forms)
        else:
            msgstr = entry["msgstr"]
        if "msgctxt" in entry:
            msgid = entry["msgctxt"] + "\x04" + msgid
        if entry.get("fuzzy") or not msgstr.strip("\0"):
            continue
        catalog[msgid] = msgstr
    return catalog


def _unquote(text):
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes[m.group(1)], text)


def mo_catalog(path):
    """The strings of a GNU .mo file (format 0: magic, revision, count, two offset tables)."""
    data = path.read_bytes()
    order = "<" if data[:4] == b"\xde\x12\x04\x95" else ">"
    _, count, originals, translations = struct.unpack(order + "4I", data[4:20])

    def string(table, i):
        length, offset = struct.unpack(order + "2I", data[table + 8 * i : table + 8 * i + 8])
        return data[offset : offset + length].decode("utf-8")

    return {string(originals, i): string(translations, i) for i in range(count)}


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_committed_mo_matches_po(domain):
    po, mo = LOCALE / f"{domain}.po", LOCALE / f"{domain}.mo"
    assert mo.exists(), f"{mo} is missing"
    assert mo_catalog(mo) == po_catalog(po), (
        f"{mo.name} is out of date: .venv/bin/python manage.py compilemessages -l de "
        "--ignore=.venv (needs gettext's msgfmt) and commit it"
    )


def test_project_catalog_comes_first():
    assert settings.LOCALE_PATHS[0] == Path(settings.BASE_DIR) / "locale"
