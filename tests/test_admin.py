"""The editors' side: German admin, the image form's alt text rule, groups and permissions."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images.forms import get_image_form
from wagtail.models import Collection, GroupPagePermission, Page

from partnerships.editorial.permissions import EDITORS, MODERATORS
from partnerships.models.images import CustomImage
from tests.factories import (
    CaseStudyIndexPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.helpers import html_lang, soup

# --- Admin login ----------------------------------------------------------------------------


def test_admin_login_page_is_german(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert html_lang(response) == "de"
    assert "Anmelden" in soup(response).get_text()


def test_admin_requires_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_dashboard_is_german_for_a_superuser(admin_client_de):
    response = admin_client_de.get("/admin/")
    assert response.status_code == 200
    assert html_lang(response) == "de"
    assert "Seiten" in soup(response).get_text()


# --- Image form: alt text -------------------------------------------------------------------


def png_upload(name="bild.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def image_form(user, **data):
    form_class = get_image_form(CustomImage)
    fields = {
        "title": "Konferenz",
        "description": "",
        "credit": "",
        "collection": str(Collection.get_first_root_node().pk),
        "tags": "",
    }
    fields.update(data)
    if not fields.get("is_decorative"):
        fields.pop("is_decorative", None)
    return form_class(fields, {"file": png_upload()}, user=user)


def test_image_form_requires_alt_text(superuser):
    form = image_form(superuser)
    assert not form.is_valid()
    assert "description" in form.errors
    assert "Alternativtext" in " ".join(form.errors["description"])


def test_image_form_rejects_blank_alt_text(superuser):
    form = image_form(superuser, description="   ")
    assert not form.is_valid()
    assert "description" in form.errors


def test_image_form_accepts_alt_text(superuser):
    form = image_form(superuser, description="Zwei Personen vor einer Werkhalle")
    assert form.is_valid(), form.errors
    image = form.save()
    assert image.default_alt_text == "Zwei Personen vor einer Werkhalle"


def test_image_form_accepts_decorative_image_without_alt_text(superuser):
    form = image_form(superuser, is_decorative="on")
    assert form.is_valid(), form.errors
    image = form.save()
    assert image.is_decorative
    assert image.default_alt_text == ""


def test_decorative_image_has_empty_alt_even_with_a_description(db):
    image = ImageFactory(description="Ein Ornament", is_decorative=True)
    assert image.default_alt_text == ""
    image.is_decorative = False
    assert image.default_alt_text == "Ein Ornament"


def test_image_without_description_falls_back_to_title(db):
    image = ImageFactory(title="Hafen in Bremen", description="")
    assert image.default_alt_text == "Hafen in Bremen"


def test_image_upload_in_admin_without_alt_text_is_refused(admin_client_de):
    response = admin_client_de.post(
        "/admin/images/add/",
        {
            "title": "Ohne Alternativtext",
            "file": png_upload(),
            "description": "",
            "collection": str(Collection.get_first_root_node().pk),
        },
    )
    assert response.status_code == 200
    assert "Alternativtext" in response.content.decode()
    assert not CustomImage.objects.filter(title="Ohne Alternativtext").exists()


# --- Groups and permissions -----------------------------------------------------------------


def test_german_groups_exist_after_migrations(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORS, MODERATORS} <= names
    assert EDITORS == "Redakteure"
    assert MODERATORS == "Moderatoren"
    # Wagtail's English default groups were replaced, not added to.
    assert "Editors" not in names
    assert "Moderators" not in names


def test_both_groups_may_use_the_admin(editor, moderator):
    assert editor.has_perm("wagtailadmin.access_admin")
    assert moderator.has_perm("wagtailadmin.access_admin")


def test_editors_add_news_and_case_studies_but_do_not_publish(editor, site_tree):
    news_index = site_tree.news_index
    cs_index = site_tree.cs_index
    assert news_index.permissions_for_user(editor).can_add_subpage()
    assert cs_index.permissions_for_user(editor).can_add_subpage()
    assert not news_index.permissions_for_user(editor).can_publish_subpage()
    for page in (site_tree.seed_news, site_tree.case_studies["leipzig"]):
        perms = page.permissions_for_user(editor)
        assert perms.can_edit()
        assert not perms.can_publish()
        assert not perms.can_unpublish()
        assert not perms.can_delete()


def test_editors_cannot_change_the_rest_of_the_site(editor, site_tree):
    for page in (site_tree.home, site_tree.impressum):
        perms = page.permissions_for_user(editor)
        assert not perms.can_add_subpage(), page.title
        assert not perms.can_edit(), page.title


def test_editors_edit_but_do_not_create_or_publish_concept_pages(editor, site_tree):
    assert not site_tree.concept_index.permissions_for_user(editor).can_add_subpage()
    perms = site_tree.concepts[0].permissions_for_user(editor)
    assert perms.can_edit()
    assert not perms.can_publish()
    assert not perms.can_delete()


def test_moderators_publish_everywhere(moderator, site_tree):
    for page in (
        site_tree.home,
        site_tree.concepts[0],
        site_tree.seed_news,
        site_tree.case_studies["leipzig"],
        site_tree.impressum,
    ):
        perms = page.permissions_for_user(moderator)
        assert perms.can_publish(), page.title
        assert perms.can_edit(), page.title
    assert site_tree.news_index.permissions_for_user(moderator).can_add_subpage()


def test_moderators_manage_branchen_and_phasen(moderator, editor):
    # Branche is site-wide (partnerships.models.taxonomy) since casestudies.0008.
    for app, model in (("partnerships", "branche"), ("casestudies", "projektphase")):
        assert moderator.has_perm(f"{app}.add_{model}")
        assert moderator.has_perm(f"{app}.change_{model}")
        assert not editor.has_perm(f"{app}.change_{model}")


def test_editor_sees_the_add_form_for_news_in_the_admin(client, editor, site_tree):
    client.force_login(editor)
    url = f"/admin/pages/add/news/newspage/{site_tree.news_index.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    # The editor can submit for moderation, not publish.
    html = response.content.decode()
    assert 'name="action-publish"' not in html


def test_new_news_index_grants_editors_permissions(editor, site_tree):
    # (max_count is an admin rule; the model API still allows a second index for this test.)
    index = NewsIndexPageFactory(parent=site_tree.home, title="Neuigkeiten", slug="neuigkeiten")
    granted = set(
        GroupPagePermission.objects.filter(group__name=EDITORS, page=index).values_list(
            "permission__codename", flat=True
        )
    )
    assert granted == {"add_page", "change_page"}
    assert set(
        GroupPagePermission.objects.filter(group__name=MODERATORS, page=index).values_list(
            "permission__codename", flat=True
        )
    ) == {"bulk_delete_page"}
    assert index.permissions_for_user(editor).can_add_subpage()
    news = NewsPageFactory(parent=index)
    assert news.permissions_for_user(editor).can_edit()
    assert not news.permissions_for_user(editor).can_publish()


def test_new_case_study_index_grants_editors_permissions(editor, site_tree):
    index = CaseStudyIndexPageFactory(parent=site_tree.home, title="Beispiele", slug="beispiele")
    assert index.permissions_for_user(editor).can_add_subpage()


def test_other_section_pages_grant_editors_nothing(editor, site_tree):
    from tests.factories import ConceptPageFactory, StandardPageFactory

    for page in (
        StandardPageFactory(parent=site_tree.home, title="Presse", slug="presse"),
        ConceptPageFactory(parent=site_tree.concept_index, title="Neu", slug="neu"),
    ):
        assert not GroupPagePermission.objects.filter(page=page).exists()
    presse = Page.objects.get(slug="presse")
    assert not presse.permissions_for_user(editor).can_edit()


def test_saving_a_news_index_again_grants_nothing_twice(editor, site_tree):
    index = NewsIndexPageFactory(parent=site_tree.home, title="Neuigkeiten", slug="neuigkeiten")
    index.title = "Neuigkeiten"
    index.save_revision().publish()
    assert GroupPagePermission.objects.filter(group__name=EDITORS, page=index).count() == 2


@pytest.mark.parametrize("group_name", [EDITORS, MODERATORS])
def test_groups_may_use_images(group_name, db, django_user_model):
    from wagtail.permissions import policy_registry

    permission_policy = policy_registry.get_by_type(CustomImage)
    user = django_user_model.objects.create_user("bildredaktion", password="ein-passwort-123")
    user.groups.add(Group.objects.get(name=group_name))
    someone_elses = ImageFactory()
    own = ImageFactory(uploaded_by_user=user, collection=Collection.objects.get(name="Aktuelles"))
    assert permission_policy.user_has_permission(user, "add")
    assert permission_policy.user_has_permission(user, "choose")
    # Everyone edits and deletes their own uploads ...
    assert permission_policy.user_has_permission_for_instance(user, "change", own)
    assert permission_policy.user_has_permission_for_instance(user, "delete", own)
    # ... but only moderators touch images that others uploaded (Wagtail ties delete to change).
    for action in ("change", "delete"):
        allowed = permission_policy.user_has_permission_for_instance(user, action, someone_elses)
        assert allowed is (group_name == MODERATORS)
