"""Contact persons („Ansprechpartner“): a snippet that pages name, and the link a page
type keeps to them (``PageContactPerson``, subclassed by the feature apps with their
``ParentalKey``)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index


class ContactPerson(index.Indexed, models.Model):
    name = models.CharField(
        "Name",
        max_length=150,
        help_text="Vor- und Nachname, z. B. „Dr. Anna Beispiel“, oder ein Team.",
    )
    role = models.CharField(
        "Funktion",
        max_length=200,
        blank=True,
        help_text="z. B. „Leiterin der Wirtschaftsförderung“. Steht unter dem Namen.",
    )
    organisation = models.CharField(
        "Organisation",
        max_length=200,
        blank=True,
        help_text="z. B. „Landkreis Vechta“. Steht unter der Funktion.",
    )
    email = models.EmailField(
        "E-Mail",
        blank=True,
        help_text="Erscheint als Link, der das E-Mail-Programm öffnet.",
    )
    phone = models.CharField(
        "Telefon",
        max_length=50,
        blank=True,
        help_text="Mit Vorwahl, z. B. „04441 898-0“. Erscheint als Link zum Anrufen.",
    )
    photo = models.ForeignKey(
        "partnerships.CustomImage",
        verbose_name="Foto",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Erscheint klein neben den Kontaktangaben. Als Alternativtext "
        "am Bild z. B. „Porträt von Anna Beispiel“ eintragen.",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.SearchField("organisation"),
        index.SearchField("email"),
        index.FilterField("name"),
    ]

    class Meta:
        verbose_name = "Ansprechpartner"
        verbose_name_plural = "Ansprechpartner"
        ordering = ["name", "pk"]

    def __str__(self):
        details = ", ".join(part for part in (self.organisation, self.email) if part)
        return f"{self.name} ({details})" if details else self.name

    @property
    def phone_link(self):
        """The number for a ``tel:`` link: digits and a leading plus only."""
        number = self.phone.strip()
        digits = "".join(char for char in number if char.isdigit())
        return f"+{digits}" if number.startswith("+") else digits


def contact_persons_panel():
    """The „Kontakt“ panel of a page type that names contact persons."""
    return InlinePanel(
        "contact_persons",
        label="Ansprechpartner",
        heading="Kontakt",
        help_text="Ansprechpartner aus der Liste wählen oder dort neu anlegen; sie stehen "
        "am Ende der Seite unter „Kontakt“.",
    )


def contact_persons(page):
    """The contact persons ``page`` names, in order, with their photos and the photos'
    renditions: one query, and one more only if a photo is set. Read through the cluster, so
    previews of unsaved changes show them too."""
    links = page.contact_persons.all()
    if isinstance(links, models.QuerySet):  # from the database, not a preview
        links = links.select_related("person__photo").prefetch_related("person__photo__renditions")
    return [link.person for link in links]


class PageContactPerson(Orderable):
    """One contact person named on a page, in the editors' order. Subclasses add
    ``page = ParentalKey(<page type>, related_name="contact_persons")``."""

    person = models.ForeignKey(
        ContactPerson,
        verbose_name="Ansprechpartner",
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = "Ansprechpartner"
        verbose_name_plural = "Ansprechpartner"

    def __str__(self):
        return str(self.person)
