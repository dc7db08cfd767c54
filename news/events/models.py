"""Veranstaltungen: the event list („Veranstaltungen“, upcoming first, then the past by year)
and the event, with its place, programme, registration and calendar file.

Events live in the news app: visitors read news and events as „Aktuelles“, and an event and
its report link both ways (``EventRelatedPage``) inside one app.
"""

import datetime
from urllib.parse import urlencode, urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Case, Count, F, Q, Value, When
from django.http import Http404
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from news.events import calendar, dates
from news.events.blocks import DownloadsBlock, ProgrammeBlock
from news.events.feeds import EventAtomFeed, EventFeed
from news.events.filters import FORMATS, EventFilterForm, filter_events
from partnerships.blocks import BodyStreamBlock
from partnerships.listing import paginate
from partnerships.models.base import SHARING, BasePage, IndexPage, promote_panels
from partnerships.models.contact_persons import (
    PageContactPerson,
    contact_persons,
    contact_persons_panel,
)
from partnerships.models.taxonomy import BUNDESLAENDER, Branche
from partnerships.routing import public_q
from partnerships.seo.canonical import with_canonical

EVENTS_PER_PAGE = 10
# Paths the event list answers itself; an event with such a slug would be unreachable.
RESERVED_SLUGS = {"feed", "atom", "kalender.ics", "kalender"}

STATUSES = [
    ("geplant", "Findet statt"),
    ("abgesagt", "Abgesagt"),
    ("verschoben", "Verschoben"),
]


def validate_link(value):
    """A web address (http, https) or a path on this site (``/kontakt/``)."""
    if value.startswith("/") and not value.startswith("//") and " " not in value:
        return
    URLValidator(
        schemes=["http", "https"],
        message="Bitte eine Webadresse (https://…) oder eine Seite dieser Website (/…) angeben.",
    )(value)


def full_link(url, base):
    """``url`` as an absolute address: a site path gets the origin of ``base`` (an absolute
    address of this site, e.g. the page's full URL); a web address stays as it is."""
    if not url or not url.startswith("/"):
        return url
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}{url}"


def upcoming_then_past(events, now):
    """``(events in visitors' order, number of events, number of upcoming ones)``: upcoming
    first, soonest first, then past, newest first — one query for the counts and one per
    page of the list, whatever the number of events."""
    ordered = events.annotate(
        list_part=Case(When(ends_at__lte=now, then=Value(1)), default=Value(0)),
        # NULL for past events: they tie here and sort by their start, newest first.
        upcoming_start=Case(When(ends_at__gt=now, then=F("starts_at"))),
    ).order_by("list_part", "upcoming_start", "-starts_at", "pk")
    counts = events.aggregate(total=Count("pk"), upcoming=Count("pk", filter=Q(ends_at__gt=now)))
    return ordered, counts["total"], counts["upcoming"]


def group_by_year(items, now):
    """``[(None, upcoming items), (year, past items of that year), …]``, in list order."""
    groups = []
    for item in items:
        key = item.start_date.year if item.is_past(now) else None
        if not groups or groups[-1][0] != key:
            groups.append((key, []))
        groups[-1][1].append(item)
    return groups


class EventIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["news.EventPage"]
    page_description = (
        "Die Übersicht „Veranstaltungen“: kommende Termine zuerst, dann vergangene nach Jahr, "
        "mit Filter und Kalender-Abonnement."
    )
    search_hint = "Veranstaltungen nach Format, Bundesland und Thema filtern"

    class Meta:
        verbose_name = "Veranstaltungs-Übersicht"
        verbose_name_plural = "Veranstaltungs-Übersichten"

    def events(self):
        """The live, public events below this list, without their StreamFields."""
        return self.live_children(EventPage)

    follow_label = "Veranstaltungen"
    follow_filter_form = EventFilterForm

    def follow_pages(self, filters):
        return filter_events(self.events(), filters)

    def filtered(self, request):
        """(form, chosen values or None for an invalid filter, the events it finds)."""
        data = {key: request.GET.get(key, "") for key in EventFilterForm.FIELDS}
        form = EventFilterForm(data)
        if not form.is_valid():
            return form, None, self.events().none()
        chosen = form.chosen()
        return form, chosen, filter_events(self.events(), chosen)

    def filter_url(self, request, chosen, suffix=""):
        """The full address of the list (or its ``suffix`` route) with the filter ``chosen``."""
        query = urlencode(chosen) if chosen else ""
        return self.get_full_url(request) + suffix + (f"?{query}" if query else "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        form, chosen, events = self.filtered(request)
        ordered, total, upcoming = upcoming_then_past(events, now)
        page = paginate(request, ordered, EVENTS_PER_PAGE, count=total)
        if chosen is not None:
            canonical = dict(chosen)
            if page.number > 1:
                canonical["page"] = page.number
            context["canonical_url"] = self.filter_url(request, canonical)
            context["filter_description"] = form.describe()
            calendar_url = self.filter_url(request, chosen, "kalender/")
            context["calendar_url"] = calendar_url
            context["webcal_url"] = "webcal://" + calendar_url.split("://", 1)[1]
        query = {key: request.GET.get(key, "") for key in EventFilterForm.FIELDS}
        context.update(
            filter_form=form,
            invalid_filter=chosen is None,
            is_filtered=any(query.values()),
            filter_query={k: v for k, v in query.items() if v},
            event_page=page,
            event_groups=group_by_year(page.object_list, now),
            upcoming_count=upcoming,
            now=now,
        )
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    def calendar_name(self, form):
        description = form.describe()
        return (
            f"{self.title}{' ' + description if description else ''} – Strategische Partnerschaften"
        )

    @path("kalender/", name="calendar")
    def calendar_feed(self, request):
        """The subscription (``webcal://``) for the list's filter: upcoming events and those
        that ended within ``FEED_PAST_DAYS``; an unknown filter value is a 404."""
        form, chosen, events = self.filtered(request)
        if chosen is None:
            raise Http404("Unbekannter Filterwert für den Kalender.")
        since = timezone.now() - datetime.timedelta(days=calendar.FEED_PAST_DAYS)
        pages = (
            events.filter(ends_at__gt=since).order_by("starts_at", "pk").prefetch_related("themen")
        )
        cal = calendar.calendar(pages, request, full_link, self.calendar_name(form))
        reply = calendar.response(cal, filename=f"{self.slug}.ics")
        return with_canonical(reply, self.filter_url(request, chosen, "kalender/"))

    @path("feed/", name="feed")
    def rss_feed(self, request):
        return with_canonical(EventFeed(self)(request), self.get_full_url(request) + "feed/")

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return with_canonical(EventAtomFeed(self)(request), self.get_full_url(request) + "atom/")


class EventPage(RoutablePageMixin, BasePage):
    start_date = models.DateField("Beginn (Tag)")
    start_time = models.TimeField(
        "Beginn (Uhrzeit)", null=True, blank=True, help_text="Leer: ganztägig."
    )
    end_date = models.DateField(
        "Ende (Tag)", null=True, blank=True, help_text="Leer: am selben Tag."
    )
    end_time = models.TimeField("Ende (Uhrzeit)", null=True, blank=True)
    # Stored from the fields above (local time, Europe/Berlin) when the page is saved: what
    # lists sort and filter by. An event without an end time lasts until the end of its day.
    starts_at = models.DateTimeField("Beginnt", editable=False, null=True, db_index=True)
    ends_at = models.DateTimeField("Endet", editable=False, null=True, db_index=True)
    status = models.CharField(
        "Status",
        max_length=20,
        choices=STATUSES,
        default="geplant",
        help_text="Abgesagte und verschobene Veranstaltungen bleiben sichtbar, mit ihrem Status.",
    )
    previous_start_date = models.DateField(
        "Ursprünglicher Termin",
        null=True,
        blank=True,
        help_text="Nur bei „Verschoben“ mit neuem Termin: der alte Beginn. Tragen Sie oben den "
        "neuen Termin ein; leer lassen, solange er noch nicht feststeht.",
    )
    format = models.CharField("Format", max_length=20, choices=FORMATS, default="praesenz")
    venue = models.CharField(
        "Veranstaltungsort", max_length=200, blank=True, help_text="z. B. „Kulturzentrum PFL“."
    )
    street_address = models.CharField("Straße und Hausnummer", max_length=200, blank=True)
    postal_code = models.CharField("Postleitzahl", max_length=10, blank=True)
    locality = models.CharField("Ort", max_length=100, blank=True)
    bundesland = models.CharField("Bundesland", max_length=30, choices=BUNDESLAENDER, blank=True)
    online_url = models.CharField(
        "Link zur Online-Teilnahme",
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text="Pflicht bei Online- und Hybrid-Veranstaltungen; steht auch im Kalendereintrag. "
        "Eine Webadresse (https://…) oder eine Seite dieser Website (/kontakt/).",
    )
    organiser = models.CharField(
        "Veranstalter", max_length=200, default="Rambøll Management", blank=True
    )
    themen = ParentalManyToManyField(
        Branche,
        verbose_name="Themen",
        blank=True,
        help_text="Die Branchen / Cluster, um die es geht (Filter „Thema“).",
    )
    body = StreamField(BodyStreamBlock(), verbose_name="Beschreibung", blank=True)
    programme = StreamField(ProgrammeBlock(), verbose_name="Programm", blank=True)
    registration_url = models.CharField(
        "Link zur Anmeldung",
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text="Eine Webadresse (https://…) oder eine Seite dieser Website (/kontakt/). Leer: "
        "„Anmeldung nicht erforderlich“.",
    )
    registration_deadline = models.DateTimeField(
        "Anmeldeschluss",
        null=True,
        blank=True,
        help_text="Danach verschwindet der Anmeldelink von selbst. Muss vor dem Beginn liegen.",
    )
    downloads = StreamField(
        DownloadsBlock(),
        verbose_name="Downloads",
        blank=True,
        help_text="Programm, Vortragsfolien, Dokumentation.",
    )
    # RFC 5545 SEQUENCE: raised when the date, place or status changes (calendar apps then
    # replace their copy); kept by the page, not by revisions.
    sequence = models.PositiveIntegerField("Kalender-Version", default=0, editable=False)

    CALENDAR_FIELDS = (
        "title",
        "start_date",
        "start_time",
        "end_date",
        "end_time",
        "status",
        "format",
        "venue",
        "street_address",
        "postal_code",
        "locality",
        "online_url",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("previous_start_date")]),
            ],
            heading="Termin",
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("locality")]),
                FieldPanel("bundesland"),
                FieldPanel("online_url"),
            ],
            heading="Ort",
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                InlinePanel("partners", label="Partner", heading="Partner"),
                FieldPanel("themen", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Veranstalter und Themen",
        ),
        FieldPanel("body"),
        FieldPanel("programme"),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_deadline")],
            heading="Anmeldung",
        ),
        FieldPanel("downloads"),
        InlinePanel(
            "related_pages",
            label="Verwandte Seite",
            heading="Verwandte Seiten",
            help_text="Konzeptseiten, Praxisbeispiele und Meldungen, etwa der Bericht über die "
            "Veranstaltung; eine Meldung zeigt ihre Veranstaltung dann auch selbst an.",
        ),
        contact_persons_panel(),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("venue"),
        index.SearchField("locality", boost=2),
        index.SearchField("organiser"),
        index.SearchField("get_bundesland_display"),
        index.FilterField("starts_at"),
        index.RelatedFields("themen", [index.SearchField("name")]),
        index.RelatedFields("partners", [index.SearchField("name")]),
    ]
    promote_panels = promote_panels(f"Erscheint nur {SHARING}. Leer: das Standard-Vorschaubild.")

    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []
    page_description = "Eine Veranstaltung mit Termin, Ort, Programm, Anmeldung und Kalenderdatei."

    class Meta:
        verbose_name = "Veranstaltung"
        verbose_name_plural = "Veranstaltungen"

    type_label = "Veranstaltung"
    search_filter = ("veranstaltung", "Veranstaltungen")
    schema_type = "Event"
    listing_date_field = "start_date"
    # The home page's „Nächste Termine“: pages whose end lies ahead, soonest start first.
    event_fields = ("starts_at", "ends_at")

    # --- the moments -------------------------------------------------------------------

    @property
    def last_day(self):
        return self.end_date or self.start_date

    @property
    def is_all_day(self):
        return self.start_time is None

    def moments(self):
        """(start, end) as aware datetimes, from the entered local dates and times."""
        start = dates.local_moment(self.start_date, self.start_time)
        if self.end_time is not None:
            end = dates.local_moment(self.last_day, self.end_time)
        else:  # all day, or no end time: until the end of the last day
            end = dates.local_moment(self.last_day + datetime.timedelta(days=1), None)
        return start, end

    def is_past(self, now=None):
        end = self.ends_at or self.moments()[1]
        return end <= (now or timezone.now())

    def registration_state(self, now=None):
        """„offen“ (a link to show), „geschlossen“ (the deadline passed or the event is
        over), „abgesagt“, or „keine“ (no registration needed)."""
        now = now or timezone.now()
        if self.status == "abgesagt":
            return "abgesagt"
        if not self.registration_url:
            return "keine"
        if self.is_past(now) or (self.registration_deadline and self.registration_deadline <= now):
            return "geschlossen"
        return "offen"

    @property
    def when(self):
        return dates.event_when(self.start_date, self.start_time, self.end_date, self.end_time)

    @property
    def status_label(self):
        """„Abgesagt“, „Verschoben auf …“ or „Verschoben – neuer Termin folgt“; None otherwise."""
        if self.status == "abgesagt":
            return "Abgesagt"
        if self.status == "verschoben":
            if self.previous_start_date:
                return (
                    f"Verschoben auf {self.when} (ursprünglich {self.previous_start_date:%d.%m.%Y})"
                )
            return "Verschoben – neuer Termin folgt"
        return None

    @property
    def is_online(self):
        return self.format in ("online", "hybrid")

    @property
    def has_place(self):
        return self.format in ("praesenz", "hybrid")

    @property
    def place_label(self):
        """The place in one line for lists: „Kulturzentrum PFL, Oldenburg (Niedersachsen)“."""
        if not self.has_place:
            return "Online"
        parts = [part for part in (self.venue, self.locality) if part]
        label = ", ".join(parts)
        if self.bundesland:
            label += (
                f" ({self.get_bundesland_display()})" if label else self.get_bundesland_display()
            )
        return label + (" und online" if self.format == "hybrid" else "")

    # --- editing -------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = (
                "Dieser Kurztitel ist für die Übersicht reserviert (Feeds und Kalender). Bitte "
                "wählen Sie einen anderen."
            )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "Das Ende darf nicht vor dem Beginn liegen."
        elif self.end_time and not self.start_time:
            errors["start_time"] = "Bitte auch die Uhrzeit des Beginns angeben."
        elif (
            self.start_date
            and self.start_time
            and self.end_time
            and self.last_day == self.start_date
            and self.end_time < self.start_time
        ):
            errors["end_time"] = "Das Ende darf nicht vor dem Beginn liegen."
        if self.registration_deadline and not self.registration_url:
            errors["registration_deadline"] = "Ein Anmeldeschluss braucht einen Link zur Anmeldung."
        elif (
            self.registration_deadline
            and self.start_date
            and self.registration_deadline > self.moments()[0]
        ):
            errors["registration_deadline"] = "Der Anmeldeschluss muss vor dem Beginn liegen."
        if self.is_online and not self.online_url:
            errors["online_url"] = "Online- und Hybrid-Veranstaltungen brauchen einen Link."
        if self.has_place and not self.locality:
            errors["locality"] = (
                "Bitte den Ort angeben (bei Online-Veranstaltungen: Format „Online“)."
            )
        if self.status != "verschoben" and self.previous_start_date:
            errors["previous_start_date"] = "Nur bei verschobenen Veranstaltungen."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.start_date and (update_fields is None or "start_date" in update_fields):
            self.starts_at, self.ends_at = self.moments()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "starts_at", "ends_at"}
        if self.pk and update_fields is None:
            stored = (
                type(self)
                .objects.filter(pk=self.pk)
                .values("sequence", *self.CALENDAR_FIELDS)
                .first()
            )
            if stored is not None:
                changed = any(stored[name] != getattr(self, name) for name in self.CALENDAR_FIELDS)
                self.sequence = max(self.sequence, stored["sequence"]) + (1 if changed else 0)
        return super().save(*args, **kwargs)

    # --- reading -------------------------------------------------------------------------

    def theme_list(self):
        return list(self.themen.all())

    def partner_list(self):
        return list(self.partners.all())

    def related(self, request=None):
        """The related live, public pages in the editors' order (one query)."""
        if request is not None and getattr(request, "is_preview", False):
            ids = [link.target_id for link in self.related_pages.all()]
        else:
            ids = list(self.related_pages.values_list("target_id", flat=True))
        by_id = {page.pk: page for page in Page.objects.live().filter(public_q(), id__in=ids)}
        return [by_id[pk] for pk in ids if pk in by_id]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context.update(
            now=now,
            is_past=self.is_past(now),
            registration=self.registration_state(now),
            themes=self.theme_list(),
            partners=self.partner_list(),
            related_pages=self.related(request),
            contact_persons=contact_persons(self),
        )
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    ATTENDANCE = {
        "praesenz": "OfflineEventAttendanceMode",
        "online": "OnlineEventAttendanceMode",
        "hybrid": "MixedEventAttendanceMode",
    }

    def structured_data(self, data, request):
        """The schema.org ``Event`` of this page (JSON-LD), from the site's article object."""
        url = data["url"]
        event = {
            key: data[key]
            for key in ("@context", "@type", "url", "description", "image", "inLanguage")
            if key in data
        }
        event["name"] = self.title
        if self.is_all_day:
            event["startDate"] = self.start_date.isoformat()
            event["endDate"] = self.last_day.isoformat()
        else:
            start, end = self.moments()
            event["startDate"], event["endDate"] = start.isoformat(), end.isoformat()
        status = {"abgesagt": "EventCancelled", "verschoben": "EventPostponed"}.get(
            self.status, "EventScheduled"
        )
        if self.status == "verschoben" and self.previous_start_date:
            status = "EventRescheduled"
            event["previousStartDate"] = self.previous_start_date.isoformat()
        event["eventStatus"] = f"https://schema.org/{status}"
        event["eventAttendanceMode"] = f"https://schema.org/{self.ATTENDANCE[self.format]}"
        locations = []
        if self.has_place:
            address = {"@type": "PostalAddress", "addressCountry": "DE"}
            for key, value in (
                ("streetAddress", self.street_address),
                ("postalCode", self.postal_code),
                ("addressLocality", self.locality),
                ("addressRegion", self.get_bundesland_display() if self.bundesland else ""),
            ):
                if value:
                    address[key] = value
            locations.append(
                {"@type": "Place", "name": self.venue or self.locality, "address": address}
            )
        if self.is_online and self.online_url:
            locations.append({"@type": "VirtualLocation", "url": full_link(self.online_url, url)})
        if locations:
            event["location"] = locations[0] if len(locations) == 1 else locations
        if self.organiser:
            event["organizer"] = {"@type": "Organization", "name": self.organiser}
        return event

    @path("kalender/", name="calendar")
    def calendar_file(self, request):
        """„In den Kalender (.ics)“: this event as a calendar file."""
        cal = calendar.calendar([self], request, full_link, self.title)
        reply = calendar.response(cal, filename=f"{self.slug}.ics")
        return with_canonical(reply, self.get_full_url(request) + "kalender/")


class EventPartner(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField("Name", max_length=200)
    url = models.URLField("Webadresse", blank=True)

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = "Partner"
        verbose_name_plural = "Partner"

    def __str__(self):
        return self.name


class EventRelatedPage(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_pages")
    target = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Seite",
        on_delete=models.CASCADE,
        related_name="related_events",
    )

    panels = [
        PageChooserPanel(
            "target", ["concepts.ConceptPage", "casestudies.CaseStudyPage", "news.NewsPage"]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Verwandte Seite"
        verbose_name_plural = "Verwandte Seiten"


class EventContactPerson(PageContactPerson):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="contact_persons")
