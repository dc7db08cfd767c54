"""The bulk action buttons of admin listings, only those offered to the current user.

Wagtail's ``{% bulk_action_choices %}`` lists every registered action. This tag does the same
(first four as buttons, the rest under "Mehr") but leaves out actions whose class says they
are not offered to the user (``offered_to(user)``, see partnerships.editorial.bulk_actions);
actions without that method are shown as before. Used by the overridden
``wagtailadmin/bulk_actions/footer.html``.
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.widgets import Button, ButtonWithDropdown
from wagtail.admin.widgets.button import ListingButton

register = template.Library()


def offered(action, user):
    offered_to = getattr(action, "offered_to", None)
    return offered_to is None or offered_to(user)


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def offered_bulk_action_choices(context, app_label, model_name):
    user = context["request"].user
    actions = sorted(
        (
            action
            for action in bulk_action_registry.get_bulk_actions_for_model(app_label, model_name)
            if offered(action, user)
        ),
        key=lambda action: action.action_priority,
    )

    def url(action):
        return reverse("wagtail_bulk_action", args=[app_label, model_name, action.action_type])

    # No 'next' parameter: the buttons are not re-rendered after AJAX search and filters,
    # the JS adds it (as in Wagtail's tag).
    buttons = [
        ListingButton(
            action.display_name,
            url(action),
            attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
            priority=action.action_priority,
            classname=" ".join(action.classes | {"bulk-action-btn"}),
        )
        for action in actions[:4]
    ]
    if actions[4:]:
        buttons.append(
            ButtonWithDropdown(
                label=_("More"),
                attrs={"title": _("More bulk actions")},
                classname="button button-secondary button-small",
                buttons=[
                    Button(
                        label=action.display_name,
                        url=url(action),
                        attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
                        priority=action.action_priority,
                    )
                    for action in actions[4:]
                ],
            )
        )
    return {"buttons": buttons}
