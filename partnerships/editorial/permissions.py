"""The editorial groups and what they may do. Used by the data migration (with historical
models) and when section pages are created (with the real ones)."""

EDITORS = "Redakteure"
MODERATORS = "Moderatoren"

# Wagtail lets "change" edit and delete every item; with "add" alone editors edit and delete
# only their own uploads, and "choose" lets them use everyone's. On the root collection editors
# only choose; they upload into the section collections (COLLECTIONS below).
EDITOR_COLLECTION_PERMS = [
    ("wagtailimages", "image", ["choose"]),
    ("wagtaildocs", "document", ["choose"]),
]
MODERATOR_COLLECTION_PERMS = [
    ("wagtailimages", "image", ["add", "change", "choose", "delete"]),
    ("wagtaildocs", "document", ["add", "change", "choose", "delete"]),
]
# Page permissions on the tree root: moderators edit and publish everywhere. Deleting and
# moving whole branches ("bulk_delete") is granted on the three sections only, so the home
# page cannot be deleted with the site beneath it.
MODERATOR_PAGE_PERMS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
MODERATOR_SECTION_PAGE_PERMS = ["bulk_delete_page"]
# Per section: what editors get. News, events and case studies: create and edit (moderation
# publishes). Concept pages: edit only. Wagtail lets "change" without "publish" delete drafts
# but never a live page.
EDITOR_SECTION_PAGE_PERMS = {
    ("news", "newsindexpage"): ["add_page", "change_page"],
    ("news", "eventindexpage"): ["add_page", "change_page"],
    ("casestudies", "casestudyindexpage"): ["add_page", "change_page"],
    ("concepts", "conceptindexpage"): ["change_page"],
    # Pages in Leichte Sprache: editors write them (and their sub-pages), moderation publishes.
    ("partnerships", "easylanguagepage"): ["add_page", "change_page"],
}
SECTION_MODELS = set(EDITOR_SECTION_PAGE_PERMS)
# As the first migration (0002) names them; Branche has been ``partnerships.branche`` since
# ``casestudies.0008``, which renames the content type and so keeps these permissions.
MODERATOR_SNIPPET_MODELS = [("casestudies", "branche"), ("casestudies", "projektphase")]
# The „Ansprechpartner“ snippet: editors add, edit and choose contact persons (choosing in
# the page editor needs admin access only; "view" shows the list); moderators may also
# delete them.
CONTACT_PERSON_MODEL = ("partnerships", "contactperson")
EDITOR_CONTACT_PERSON_PERMS = ["add", "change", "view"]
MODERATOR_CONTACT_PERSON_PERMS = ["add", "change", "delete", "view"]
# The „Glossar“ terms: editors add and edit them (the texts link them at once), moderators
# may also delete them.
GLOSSARY_MODEL = ("partnerships", "glossaryterm")
EDITOR_GLOSSARY_PERMS = ["add", "change", "view"]
MODERATOR_GLOSSARY_PERMS = ["add", "change", "delete", "view"]
# Newsletter issues: editors compose them and send tests to themselves; moderators also
# send them (``send_newsletterissue``) and delete drafts.
NEWSLETTER_MODEL = ("partnerships", "newsletterissue")
EDITOR_NEWSLETTER_PERMS = ["add_newsletterissue", "change_newsletterissue", "view_newsletterissue"]
MODERATOR_NEWSLETTER_PERMS = [
    *EDITOR_NEWSLETTER_PERMS,
    "delete_newsletterissue",
    "send_newsletterissue",
]
# Further models moderators manage in full: redirects and promoted search results.
MODERATOR_MODELS = [
    ("wagtailredirects", "redirect"),
    ("wagtailsearchpromotions", "searchpromotion"),
]

# Collections for images and documents. Editors upload into these (and edit their own
# uploads there) and choose from every collection; moderators manage all (root collection).
COLLECTIONS = ["Aktuelles", "Praxisbeispiele", "Konzept"]
EDITOR_SECTION_COLLECTION_PERMS = [
    ("wagtailimages", "image", ["add"]),
    ("wagtaildocs", "document", ["add"]),
]

WORKFLOW_NAME = "Freigabe"
WORKFLOW_TASK_NAME = "Freigabe durch Moderatoren"


def _perm(Permission, ContentType, app_label, model, codename):
    ct = ContentType.objects.get(app_label=app_label, model=model)
    return Permission.objects.get(content_type=ct, codename=codename)


def setup_groups(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    access_admin = _perm(Permission, ContentType, "wagtailadmin", "admin", "access_admin")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    editors.permissions.add(access_admin)
    moderators.permissions.add(access_admin)
    for app_label, model in MODERATOR_SNIPPET_MODELS:
        for action in ("add", "change", "delete", "view"):
            moderators.permissions.add(
                _perm(Permission, ContentType, app_label, model, f"{action}_{model}")
            )

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for group, spec in (
            (editors, EDITOR_COLLECTION_PERMS),
            (moderators, MODERATOR_COLLECTION_PERMS),
        ):
            for app_label, model, actions in spec:
                for action in actions:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=_perm(
                            Permission, ContentType, app_label, model, f"{action}_{model}"
                        ),
                    )

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for codename in MODERATOR_PAGE_PERMS:
            GroupPagePermission.objects.get_or_create(
                group=moderators,
                page=root_page,
                permission=_perm(Permission, ContentType, "wagtailcore", "page", codename),
            )


def grant_moderator_search_permissions(apps):
    """Moderatoren manage redirects and search promotions (add, change, delete)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    moderators = Group.objects.filter(name=MODERATORS).first()
    if moderators is None:
        return
    for app_label, model in MODERATOR_MODELS:
        for action in ("add", "change", "delete"):
            moderators.permissions.add(
                _perm(Permission, ContentType, app_label, model, f"{action}_{model}")
            )


def _grant_to_groups(apps, model_label, codenames_by_group):
    """Give each existing group ``{group name: [codename, …]}`` of ``(app_label, model)``."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    app_label, model = model_label
    for group_name, codenames in codenames_by_group.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for codename in codenames:
            group.permissions.add(_perm(Permission, ContentType, app_label, model, codename))


def grant_contact_person_permissions(apps):
    """Redakteure and Moderatoren manage the „Ansprechpartner“ snippet (see above)."""
    model = CONTACT_PERSON_MODEL[1]
    _grant_to_groups(
        apps,
        CONTACT_PERSON_MODEL,
        {
            EDITORS: [f"{action}_{model}" for action in EDITOR_CONTACT_PERSON_PERMS],
            MODERATORS: [f"{action}_{model}" for action in MODERATOR_CONTACT_PERSON_PERMS],
        },
    )


def setup_section(apps, page):
    """Section page permissions and the "Freigabe" workflow for one section page.

    ``apps`` is the historical app registry in migrations and ``django.apps.apps`` otherwise;
    ``page`` is a page of that registry (any class; only its pk is used).
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    page = Page.objects.get(pk=page.pk)
    specific = ContentType.objects.get(pk=page.content_type_id)
    grants = {
        EDITORS: EDITOR_SECTION_PAGE_PERMS.get((specific.app_label, specific.model), []),
        MODERATORS: MODERATOR_SECTION_PAGE_PERMS,
    }
    for group_name, codenames in grants.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=page,
                permission=_perm(Permission, ContentType, "wagtailcore", "page", codename),
            )
    workflow = freigabe_workflow(apps)
    if workflow is not None and not WorkflowPage.objects.filter(page=page).exists():
        WorkflowPage.objects.create(page=page, workflow=workflow)


def freigabe_workflow(apps):
    """The active "Freigabe" workflow, or None where an administrator removed it."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    return Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()


def grant_section_permissions(page):
    """For section pages created after the migrations (``load_initial_content``, the admin)."""
    from django.apps import apps

    setup_section(apps, page)


def grant_newsletter_permissions(apps):
    """Redakteure compose newsletter issues, Moderatoren also send them (see above)."""
    _grant_to_groups(
        apps,
        NEWSLETTER_MODEL,
        {EDITORS: EDITOR_NEWSLETTER_PERMS, MODERATORS: MODERATOR_NEWSLETTER_PERMS},
    )


def grant_glossary_permissions(apps):
    """Redakteure and Moderatoren manage the „Glossar“ terms (see above)."""
    model = GLOSSARY_MODEL[1]
    _grant_to_groups(
        apps,
        GLOSSARY_MODEL,
        {
            EDITORS: [f"{action}_{model}" for action in EDITOR_GLOSSARY_PERMS],
            MODERATORS: [f"{action}_{model}" for action in MODERATOR_GLOSSARY_PERMS],
        },
    )
