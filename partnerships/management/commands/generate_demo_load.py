"""Fill the database with many news items and case studies for measuring (not for production).

    python manage.py load_initial_content
    python manage.py generate_demo_load --news 10000 --casestudies 1000

Texts are assembled from German sentences about the site's subject, with realistic lengths;
tags, Branchen, phases, images and cited concept pages are shared with the initial
content. Pages are published
without revisions to keep the load fast; run it on a throw-away database.
"""

import random
from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler

from partnerships.slugs import german_slug

SENTENCES = [
    "Die Wirtschaftsförderung des Landkreises hat gemeinsam mit Unternehmen der Region eine "
    "Clusterstrategie entwickelt.",
    "Im Mittelpunkt stehen Fachkräftesicherung, Technologietransfer und die Vernetzung über "
    "Branchengrenzen hinaus.",
    "Die strategische Partnerschaft zwischen Unternehmen und Kommune ist auf mehrere Jahre "
    "angelegt.",
    "Schlüsselbranchen wurden anhand von Beschäftigungs- und Wertschöpfungsdaten identifiziert.",
    "Ein Lenkungskreis aus Geschäftsführungen, Verwaltung und Wissenschaft steuert die Umsetzung.",
    "Die Ernährungswirtschaft und der Spezialmaschinenbau profitieren von gemeinsamen "
    "Ausbildungsinitiativen.",
    "Die Tagung zeigte, dass ländliche Räume eigene Stärken im Wettbewerb der Regionen haben.",
    "Mit dem Ansatz „Stärken stärken“ richten Bund und Länder ihre Förderung auf Cluster aus.",
    "Kommunen übernehmen dabei die Rolle von Moderatoren und Impulsgebern.",
    "Gemeinsame Projekte zu Logistik, Flächen und Breitband wurden vereinbart.",
    "Die Ergebnisse werden jährlich in einem Monitoringbericht veröffentlicht.",
    "Hochschulen und Kammern bringen Forschung und Weiterbildung in die Partnerschaft ein.",
]
TITLES = [
    "Clusterkonferenz",
    "Fachkräfteforum",
    "Netzwerktreffen",
    "Strategieworkshop",
    "Unternehmerfrühstück",
    "Standortdialog",
    "Innovationstag",
    "Praxisaustausch",
]
PLACES = ["Vechta", "Cloppenburg", "Magdeburg", "Rostock", "Siegen", "Husum", "Jena", "Kassel"]
TAGS = ["Tagung", "Cluster", "Fachkräfte", "ländlicher Raum", "Forschungsprojekt", "Netzwerk"]


def paragraph(rng, sentences=5):
    return "<p>" + " ".join(rng.choice(SENTENCES) for _ in range(sentences)) + "</p>"


class Command(BaseCommand):
    help = "Erzeugt viele Meldungen und Praxisbeispiele für Lastmessungen (nur Testdatenbanken)."

    def add_arguments(self, parser):
        parser.add_argument("--news", type=int, default=0)
        parser.add_argument("--casestudies", type=int, default=0)
        parser.add_argument("--events", type=int, default=0)
        parser.add_argument("--seed", type=int, default=2007)

    def handle(self, *args, news, casestudies, seed, events=0, **options):
        from partnerships.caching import bulk_changes

        # No page-cache invalidation per created page: the whole cache is dropped once at the end.
        with bulk_changes():
            self.generate(news, casestudies, seed)
            if events:
                self.generate_events(events, seed)

    def generate_events(self, number, seed):
        """Events under the events index: half past, half upcoming, all formats and Länder."""
        import datetime

        from casestudies.models import BUNDESLAENDER, Branche
        from news.events.filters import FORMATS
        from news.events.models import EventIndexPage, EventPage, EventPartner

        index = EventIndexPage.objects.first()
        if index is None:
            raise CommandError("Zuerst 'manage.py load_initial_content' ausführen.")
        rng = random.Random(seed + 1)
        branchen = list(Branche.objects.all())
        start = EventPage.objects.count()
        today = date.today()
        new = []
        post_save.disconnect(post_save_signal_handler, sender=EventPage)
        try:
            for i in range(number):
                n = start + i
                place = rng.choice(PLACES)
                kind = rng.choice(FORMATS)[0]
                day = today + timedelta(days=rng.randrange(-1500, 400))
                all_day = rng.random() < 0.3
                hour = rng.choice((9, 10, 14))
                page = EventPage(
                    title=f"{rng.choice(TITLES)} in {place} ({n})",
                    slug=f"last-{n}",
                    teaser=rng.choice(SENTENCES),
                    start_date=day,
                    start_time=None if all_day else datetime.time(hour, 0),
                    end_date=day + timedelta(days=1) if all_day and rng.random() < 0.5 else None,
                    end_time=None if all_day else datetime.time(hour + 2, 30),
                    format=kind,
                    locality="" if kind == "online" else place,
                    bundesland="" if kind == "online" else rng.choice(BUNDESLAENDER)[0],
                    online_url="" if kind == "praesenz" else f"https://localhost/stream/{n}",
                    organiser="Rambøll Management Consulting",
                    body=[("paragraph", paragraph(rng)) for _ in range(rng.randint(1, 3))],
                )
                page.themen.set(rng.sample(branchen, min(2, len(branchen))))
                page.partners.add(EventPartner(name=f"Wirtschaftsförderung {place}"))
                with transaction.atomic():
                    index.add_child(instance=page)
                new.append(page.pk)
                if (i + 1) % 200 == 0:
                    self.stdout.write(f"{i + 1} Veranstaltungen")
                    index.refresh_from_db()
        finally:
            post_save.connect(post_save_signal_handler, sender=EventPage)
        backends = list(get_search_backends(with_auto_update=True))
        for chunk in range(0, len(new), 500):
            pages = list(EventPage.objects.filter(pk__in=new[chunk : chunk + 500]))
            for backend in backends:
                backend.add_bulk(EventPage, pages)
        self.stdout.write(self.style.SUCCESS(f"{number} Veranstaltungen erzeugt."))

    def generate(self, news, casestudies, seed):
        from casestudies.models import (
            BUNDESLAENDER,
            Branche,
            CaseStudyConceptLink,
            CaseStudyIndexPage,
            CaseStudyPage,
            Projektphase,
        )
        from concepts.models import ConceptPage
        from news.models import NewsIndexPage, NewsPage
        from partnerships.models.images import CustomImage

        news_index = NewsIndexPage.objects.first()
        cs_index = CaseStudyIndexPage.objects.first()
        if news_index is None or cs_index is None:
            raise CommandError("Zuerst 'manage.py load_initial_content' ausführen.")
        rng = random.Random(seed)
        images = list(CustomImage.objects.all())
        branchen = list(Branche.objects.all())
        phases = list(Projektphase.objects.all())
        concepts = list(ConceptPage.objects.live().values_list("pk", flat=True))
        start = NewsPage.objects.count() + CaseStudyPage.objects.count()
        new_news, new_case_studies = [], []
        # The search index is written in bulk at the end: indexing every page as it was
        # saved made the command take hours for 10,000 news items.
        for model in (NewsPage, CaseStudyPage):
            post_save.disconnect(post_save_signal_handler, sender=model)
        try:
            for i in range(news):
                n = start + i
                title = f"{rng.choice(TITLES)} in {rng.choice(PLACES)} ({n})"
                page = NewsPage(
                    title=title,
                    slug=german_slug(f"last-{n}-{title}"[:80]),
                    date=date(2006, 1, 1) + timedelta(days=rng.randrange(7300)),
                    teaser=" ".join(rng.choice(SENTENCES) for _ in range(2)),
                    body=[("paragraph", paragraph(rng)) for _ in range(rng.randint(2, 5))],
                    image=rng.choice(images) if images and rng.random() < 0.5 else None,
                    listing_image=rng.choice(images) if images and rng.random() < 0.3 else None,
                )
                page.tags.add(*rng.sample(TAGS, 2))  # kept by the cluster until the page is saved
                with transaction.atomic():
                    news_index.add_child(instance=page)
                new_news.append(page.pk)
                if (i + 1) % 500 == 0:
                    self.stdout.write(f"{i + 1} Meldungen")
                    news_index.refresh_from_db()

            for i in range(casestudies):
                n = start + news + i
                place = rng.choice(PLACES)
                page = CaseStudyPage(
                    title=f"Partnerschaft {place} {n}",
                    slug=f"last-{n}",
                    teaser=rng.choice(SENTENCES),
                    kommune=f"Landkreis {place}",
                    bundesland=rng.choice(BUNDESLAENDER)[0],
                    phase=rng.choice(phases) if phases else None,
                    year_from=rng.randint(2000, 2020),
                    hero_image=rng.choice(images) if images else None,
                    listing_image=rng.choice(images) if images and rng.random() < 0.5 else None,
                    ausgangslage=paragraph(rng),
                    ziele=paragraph(rng, 3),
                    vorgehen=paragraph(rng),
                    ergebnisse=paragraph(rng),
                    erfolgsfaktoren=paragraph(rng, 3),
                )
                page.branchen.set(rng.sample(branchen, min(2, len(branchen))))
                # Case studies cite one or two concept pages, as the editors' ones do.
                for concept_id in rng.sample(concepts, min(rng.randint(1, 2), len(concepts))):
                    page.related_concept_links.add(CaseStudyConceptLink(concept_id=concept_id))
                with transaction.atomic():
                    cs_index.add_child(instance=page)
                new_case_studies.append(page.pk)
                if (i + 1) % 200 == 0:
                    self.stdout.write(f"{i + 1} Praxisbeispiele")
                    cs_index.refresh_from_db()
        finally:
            for model in (NewsPage, CaseStudyPage):
                post_save.connect(post_save_signal_handler, sender=model)
        backends = list(get_search_backends(with_auto_update=True))
        for model, ids in ((NewsPage, new_news), (CaseStudyPage, new_case_studies)):
            for chunk in range(0, len(ids), 500):
                pages = list(model.objects.filter(pk__in=ids[chunk : chunk + 500]))
                for backend in backends:
                    backend.add_bulk(model, pages)
        self.stdout.write(
            self.style.SUCCESS(f"{news} Meldungen und {casestudies} Praxisbeispiele erzeugt.")
        )
