"""The admin's slug fields by the German rule of ``partnerships.slugs``: the widget for every
``SlugField`` (pages, snippets; registered in ``partnerships.apps``) and the page form."""

from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.admin.widgets.slug import SlugInput

from partnerships.slugs import german_slug, slug_formatters, wagtail_default_slugs


def slug_help_text(page, parent):
    """„Die Adresse der Seite: http://…/praxisbeispiele/<kurztitel>/“ for a page below
    ``parent`` on this site (its Site record's address)."""
    rule = "Kleinbuchstaben, Ziffern und Bindestriche; ä, ö, ü und ß werden zu ae, oe, ue und ss."
    parent = parent or (page.get_parent() if page.pk else None)
    parent_url = parent.get_full_url() if parent is not None else None
    if parent_url:
        return f"Die Adresse der Seite: {parent_url}<kurztitel>/ – {rule}"
    return f"Erscheint in der Adresse der Seite – {rule}"


class GermanSlugInput(SlugInput):
    """Wagtail's slug widget with the German transliteration (for every ``SlugField`` in the
    admin: pages, snippets; registered in ``partnerships.apps``)."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(
            attrs=attrs, formatters=[*slug_formatters(), *(formatters or [])], locale=locale
        )


class GermanSlugPageForm(WagtailAdminPageForm):
    """The page form: a new or changed slug in Wagtail's spelling of the title
    (``ernahrungswirtschaft``) is stored in the German one (``ernaehrungswirtschaft``).
    A slug the editor typed differently, and the slug of a page that is not changed, stay.
    The slug's help text shows the address the page gets on this site."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].help_text = slug_help_text(self.instance, self.parent_page)

    def clean(self):
        slug = self.cleaned_data.get("slug")
        title = self.cleaned_data.get("title")
        if slug and title and "slug" in self.changed_data:
            german = german_slug(title)
            if german and slug != german and slug in wagtail_default_slugs(title):
                self.cleaned_data["slug"] = german
        return super().clean()
