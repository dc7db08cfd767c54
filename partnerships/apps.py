from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = "Website"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from partnerships import checks  # noqa: F401 (registers the go-live check)
        from partnerships.caching import declarations, frontend, pagecache, version  # noqa: F401
        from partnerships.editorial import signals as editorial_signals  # noqa: F401
        from partnerships.search import signals as search_signals  # noqa: F401

        declarations.declare()
        # CSV exports in the admin write spreadsheet formulas as text (partnerships.ops.exports).
        from partnerships.ops import exports

        exports.install()
        # One slug rule (partnerships.slugs): every slug field in the admin (pages, snippets)
        # and every new tag.
        from django.db import models
        from django.db.models.signals import pre_save
        from taggit.models import Tag
        from wagtail.admin.forms.models import register_form_field_override

        from partnerships.editorial.slug_fields import GermanSlugInput
        from partnerships.slugs import german_tag_slug

        register_form_field_override(models.SlugField, override={"widget": GermanSlugInput})
        pre_save.connect(german_tag_slug, sender=Tag, dispatch_uid="partnerships-german-tag-slug")
