"""The standard content page and the contact page with its form fields."""

import logging

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    EmailFormMixin,
    validate_to_address,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from partnerships.blocks import RICH_TEXT_FEATURES, BodyStreamBlock, StandardBodyBlock
from partnerships.contact import forms as contact_forms
from partnerships.contact import mail as contact_mail
from partnerships.contact import protection
from partnerships.models.base import BasePage

logger = logging.getLogger(__name__)


class StandardPage(BasePage):
    body = StreamField(StandardBodyBlock(), verbose_name="Inhalt", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("teaser"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["partnerships.HomePage", "partnerships.StandardPage"]
    subpage_types = ["partnerships.StandardPage"]
    type_label = "Seite"
    page_description = (
        "Einfache Inhaltsseite, z. B. Impressum, Datenschutzerklärung oder Erklärung zur "
        "Barrierefreiheit."
    )

    class Meta:
        verbose_name = "Standardseite"
        verbose_name_plural = "Standardseiten"


class ProtectedFormMixin:
    """Wagtail's e-mail form, as every public form of the site uses it (contact, accessibility
    feedback): honeypot and a rate limit per client address (``partnerships.contact``), every
    submission stored before it is mailed (a failing mail server loses nothing), answers never
    cached (the form carries a CSRF token). Deleted after ``FORM_RETENTION_MONTHS`` by the
    scheduler (``partnerships.legal``)."""

    def serve(self, request, *args, **kwargs):
        """Wagtail's form handling plus honeypot and rate limit; never cacheable (the form
        carries a CSRF token, answers depend on the visitor)."""
        if request.method == "POST":
            response = self.serve_post(request, *args, **kwargs)
        else:
            response = super().serve(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def serve_post(self, request, *args, **kwargs):
        limit = protection.RateLimit(request)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if limit.exceeded():
            return self.render_rate_limited(request, form)
        if protection.honeypot_filled(request):
            # Looks like success to the bot; nothing is stored or sent.
            limit.hit()
            logger.info("Kontaktformular: Honeypot ausgefüllt, Nachricht verworfen.")
            rows = form.submitted_rows() if form.is_valid() else []
            return self.render_landing_page(request, None, rows=rows)
        if form.is_valid():
            if not limit.hit():
                return self.render_rate_limited(request, form)
            submission = self.process_form_submission(form)
            return self.render_landing_page(request, submission, rows=form.submitted_rows())
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context)

    def render_rate_limited(self, request, form):
        context = self.get_context(request)
        context["form"] = form
        context["rate_limit_message"] = protection.RATE_LIMIT_MESSAGE
        response = TemplateResponse(request, self.get_template(request), context, status=429)
        response["Retry-After"] = str(settings.CONTACT_RATE_WINDOW)
        return response

    def render_landing_page(self, request, form_submission=None, *args, rows=(), **kwargs):
        response = super().render_landing_page(request, form_submission, *args, **kwargs)
        response.context_data["submitted_rows"] = rows
        return response

    def process_form_submission(self, form):
        """Store first (Wagtail's ``FormMixin``), then e-mail: a failing mail server is
        logged and loses nothing."""
        submission = super(EmailFormMixin, self).process_form_submission(form)
        contact_mail.send_submission_mail(self, form, submission)
        return submission

    def send_mail(self, form):
        contact_mail.send_submission_mail(self, form)


class ProtectedFormField(AbstractFormField):
    """A field of one of the site's public forms, with the browser's autocomplete hint."""

    autocomplete = models.CharField(
        "Autovervollständigung",
        max_length=40,
        blank=True,
        choices=contact_forms.AUTOCOMPLETE_CHOICES,
        help_text="Sagt dem Browser, welche Angabe gemeint ist, damit er sie vorschlagen kann "
        "(wichtig für die Barrierefreiheit). Leer: bei E-Mail-Feldern „email“, sonst keine.",
    )

    panels = [*AbstractFormField.panels, FieldPanel("autocomplete")]

    class Meta(AbstractFormField.Meta):
        abstract = True
        verbose_name = "Formularfeld"
        verbose_name_plural = "Formularfelder"


class ContactFormField(ProtectedFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(ProtectedFormField.Meta):
        pass


class ContactPage(ProtectedFormMixin, AbstractEmailForm, BasePage):
    """The contact form: fields defined by editors, every submission stored (admin →
    Formulare) and e-mailed to ``to_address``. Spam protection: a honeypot field and a limit
    per client address (``partnerships.contact``). Responses are never cached."""

    intro = RichTextField(
        "Einleitung",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Steht über dem Formular.",
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name="Weitere Informationen",
        blank=True,
        help_text="Steht unter dem Formular, z. B. Anschrift und andere Wege, uns zu erreichen.",
    )
    thank_you_text = RichTextField(
        "Text nach dem Absenden",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Erscheint nach dem erfolgreichen Absenden über der Zusammenfassung der Angaben.",
    )
    to_address = models.CharField(
        "Empfänger",
        max_length=255,
        blank=True,
        validators=[validate_to_address],
        help_text="E-Mail-Adresse(n), an die jede Nachricht geschickt wird; mehrere durch "
        "Komma trennen. Alle Nachrichten werden außerdem gespeichert (Formulare im Menü).",
    )
    from_address = models.EmailField(
        "Absender",
        max_length=255,
        blank=True,
        help_text="Absenderadresse der Benachrichtigung. Leer: die Standardadresse der Website. "
        "Die Adresse der Person, die schreibt, steht als Antwortadresse in der E-Mail.",
    )
    subject = models.CharField(
        "Betreff der E-Mail",
        max_length=255,
        blank=True,
        help_text=f"Leer: „{contact_mail.DEFAULT_SUBJECT}“.",
    )

    form_builder = contact_forms.ContactFormBuilder

    content_panels = [
        FormSubmissionsPanel(),
        *Page.content_panels,
        FieldPanel("teaser"),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Formularfelder", heading="Formularfelder"),
        FieldPanel("thank_you_text"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("to_address"),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("subject")]),
            ],
            heading="E-Mail-Benachrichtigung",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["partnerships.HomePage"]
    subpage_types = []
    max_count = 1
    page_description = (
        "Die Kontaktseite mit Formular (nur einmal vorhanden): Nachrichten werden gespeichert "
        "und per E-Mail weitergeleitet."
    )

    class Meta:
        verbose_name = "Kontaktseite"
        verbose_name_plural = "Kontaktseiten"


class AccessibilityFormField(ProtectedFormField):
    page = ParentalKey("AccessibilityPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(ProtectedFormField.Meta):
        pass


class AccessibilityPage(ProtectedFormMixin, AbstractEmailForm, BasePage):
    """The accessibility statement, modelled on the EU's model statement (status, known gaps,
    how it was drawn up, feedback) but voluntary: the site's operator is a company, so BITV 2.0
    and the federal arbitration board do not apply. The feedback form works like the contact
    form (stored, mailed, rate-limited); the date of the last check comes from the site
    settings."""

    STATUS_CHOICES = [
        ("vollstaendig", "vollständig vereinbar"),
        ("teilweise", "teilweise vereinbar"),
        ("nicht", "nicht vereinbar"),
    ]

    conformance = models.CharField(
        "Stand der Vereinbarkeit",
        max_length=20,
        choices=STATUS_CHOICES,
        default="teilweise",
        help_text="Mit den Anforderungen der WCAG 2.1, Stufe AA (EN 301 549).",
    )
    body = StreamField(
        StandardBodyBlock(),
        verbose_name="Erklärung",
        blank=True,
        help_text="Bekannte Einschränkungen mit Begründung, Erstellung der Erklärung. Der "
        "Abschnitt aus den Einstellungen „Letzte Prüfung der Barrierefreiheit“ zeigt das Datum.",
    )
    form_intro = RichTextField(
        "Text über dem Formular",
        features=RICH_TEXT_FEATURES,
        blank=True,
    )
    thank_you_text = RichTextField(
        "Text nach dem Absenden", features=RICH_TEXT_FEATURES, blank=True
    )
    to_address = models.CharField(
        "Empfänger",
        max_length=255,
        blank=True,
        validators=[validate_to_address],
        help_text="E-Mail-Adresse(n) der Redaktion, an die jede Meldung geschickt wird; "
        "mehrere durch Komma trennen. Alle Meldungen werden außerdem gespeichert.",
    )
    from_address = models.EmailField("Absender", max_length=255, blank=True)
    subject = models.CharField("Betreff der E-Mail", max_length=255, blank=True)

    form_builder = contact_forms.ContactFormBuilder
    landing_page_template = "partnerships/contact_page_landing.html"

    content_panels = [
        FormSubmissionsPanel(),
        *Page.content_panels,
        FieldPanel("teaser"),
        FieldPanel("conformance"),
        FieldPanel("body"),
        FieldPanel("form_intro"),
        InlinePanel("form_fields", label="Formularfelder", heading="Formular „Barriere melden“"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel("to_address"),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("subject")]),
            ],
            heading="E-Mail-Benachrichtigung",
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["partnerships.HomePage"]
    subpage_types = []
    max_count = 1
    page_description = (
        "Die Erklärung zur Barrierefreiheit mit dem Formular „Barriere melden“ (nur einmal "
        "vorhanden)."
    )

    class Meta:
        verbose_name = "Erklärung zur Barrierefreiheit"
        verbose_name_plural = "Erklärungen zur Barrierefreiheit"
