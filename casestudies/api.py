"""``/api/v2/praxisbeispiele/``: the case studies with the finder's filters
(``?branche=&bundesland=&phase=&konzept=``, the same slugs as the list's URL), each with the
fields of the open-data export."""

from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from casestudies.filters import CaseStudyFilterForm
from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from partnerships.routing import public_q


class CaseStudiesAPIViewSet(PagesAPIViewSet):
    model = CaseStudyPage
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        CaseStudyFilterForm.FIELDS
    )
    # The finder's filters take the slugs of the list's URL, not field values.
    filter_backends = [f for f in PagesAPIViewSet.filter_backends if f is not FieldsFilter]
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "kommune",
        "bundesland",
        "teaser",
    ]

    def get_queryset(self):
        data = {key: self.request.GET.get(key, "") for key in CaseStudyFilterForm.FIELDS}
        form = CaseStudyFilterForm(data)
        if not form.is_valid():
            raise BadRequestError("Unbekannter Filterwert bei: " + ", ".join(sorted(form.errors)))
        chosen = {k: v for k, v in form.cleaned_data.items() if v}
        ids = []
        for index in CaseStudyIndexPage.objects.live().filter(public_q()):
            ids += index.filtered_ids(**chosen)
        return (
            CaseStudyPage.objects.filter(pk__in=ids)
            .live()
            .filter(public_q())
            .order_by("title", "pk")
        )


def endpoint():
    return "praxisbeispiele", CaseStudiesAPIViewSet
