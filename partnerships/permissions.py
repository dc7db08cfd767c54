"""The editorial groups and what they may do. Used by the data migration (with historical
models) and when section pages are created (with the real ones)."""

EDITORS = "Redakteure"
MODERATORS = "Moderatoren"

# Wagtail lets "change" edit and delete every item; with "add" alone editors edit and delete
# only their own uploads, and "choose" lets them use everyone's.
EDITOR_COLLECTION_PERMS = [
    ("wagtailimages", "image", ["add", "choose"]),
    ("wagtaildocs", "document", ["add", "choose"]),
]
MODERATOR_COLLECTION_PERMS = [
    ("wagtailimages", "image", ["add", "change", "choose", "delete"]),
    ("wagtaildocs", "document", ["add", "change", "choose", "delete"]),
]
# Page permissions on the tree root: moderators publish everywhere.
MODERATOR_PAGE_PERMS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
]
# On the news and case-study sections only: editors create and edit, moderation publishes.
EDITOR_SECTION_PAGE_PERMS = ["add_page", "change_page"]
EDITOR_SECTION_MODELS = {("news", "newsindexpage"), ("casestudies", "casestudyindexpage")}
MODERATOR_SNIPPET_MODELS = [("casestudies", "branche"), ("casestudies", "projektphase")]
# Redirects (by hand and CSV import) and search promotions ("Empfehlungen").
MODERATOR_SEARCH_MODELS = [
    ("wagtailredirects", "redirect"),
    ("wagtailsearchpromotions", "searchpromotion"),
]


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
    for app_label, model in MODERATOR_SEARCH_MODELS:
        for action in ("add", "change", "delete"):
            moderators.permissions.add(
                _perm(Permission, ContentType, app_label, model, f"{action}_{model}")
            )


def grant_editor_section_permissions(page):
    """Give Redakteure add/change below a news or case-study section page."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.filter(name=EDITORS).first()
    if group is None:
        return
    for codename in EDITOR_SECTION_PAGE_PERMS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
