"""The readers' pages: subscribe, confirm, change the settings, unsubscribe.

None of them sets a cookie or keeps a session, and none is stored by a cache (``never_cache``).
They need no CSRF token: subscribing proves nothing until the mail's link is followed, and the
other pages are opened with a personal signed link that a forged request cannot know. That
keeps the short forms on cached pages (home page, news items) working.
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from partnerships.accounts.lockout import client_ip_address
from partnerships.contact import protection
from partnerships.models.newsletter import Subscriber
from partnerships.newsletter import follow, subscriptions, tokens
from partnerships.newsletter.forms import (
    HONEYPOT_FIELD,
    SettingsForm,
    SubscribeForm,
    chosen_filter,
)
from partnerships.newsletter.mail import alert_label

RATE_LIMIT_MESSAGE = (
    "Von Ihrem Anschluss kamen in kurzer Zeit zu viele Anmeldungen. Bitte warten Sie einige "
    "Minuten und senden Sie das Formular dann erneut. Ihre Eingaben sind unten noch vorhanden."
)


def _render(request, template, context, status=200):
    response = render(request, f"partnerships/newsletter/{template}.html", context, status=status)
    add_never_cache_headers(response)
    return response


def _rate_limit(request):
    return protection.RateLimit(
        request,
        scope="newsletter",
        limit=settings.NEWSLETTER_RATE_LIMIT,
        window=settings.NEWSLETTER_RATE_WINDOW,
    )


def _subscribe_context(form, lists, chosen=None, **extra):
    return {
        "form": form,
        "lists": lists,
        "chosen": chosen,
        "consent_text": subscriptions.CONSENT_TEXT,
        **extra,
    }


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    lists = follow.followable_lists()
    if request.method != "POST":
        chosen = chosen_filter(lists, request.GET.get("folgen"), request.GET)
        initial = {"newsletter": not chosen}
        if chosen is not None:
            initial.update(folgen=chosen.index.pk, filter=chosen.query)
        form = SubscribeForm(initial=initial, lists=lists)
        status = 404 if request.GET.get("folgen") and chosen is None else 200
        context = _subscribe_context(form, lists, chosen, unknown_choice=status == 404)
        return _render(request, "subscribe", context, status=status)

    form = SubscribeForm(request.POST, lists=lists)
    limit = _rate_limit(request)
    chosen = None
    if form.is_valid():
        chosen = form.cleaned_data["chosen"]
    if limit.exceeded():
        response = _render(
            request,
            "subscribe",
            _subscribe_context(form, lists, chosen, rate_limit_message=RATE_LIMIT_MESSAGE),
            status=429,
        )
        response["Retry-After"] = str(settings.NEWSLETTER_RATE_WINDOW)
        return response
    if request.POST.get(HONEYPOT_FIELD, "").strip():
        limit.hit()
        return redirect("newsletter:requested")  # looks like success to the bot
    if not form.is_valid():
        return _render(request, "subscribe", _subscribe_context(form, lists, chosen))
    if not limit.hit():
        return _render(
            request,
            "subscribe",
            _subscribe_context(form, lists, chosen, rate_limit_message=RATE_LIMIT_MESSAGE),
            status=429,
        )
    subscriptions.request(
        form.cleaned_data["email"],
        newsletter=form.cleaned_data["newsletter"],
        alerts=form.alerts(),
        frequency=form.cleaned_data["frequency"],
        client_address=client_ip_address(request),
    )
    return redirect("newsletter:requested")


def requested(request):
    return _render(request, "requested", {"hours": settings.NEWSLETTER_CONFIRM_HOURS})


def _subscriber(purpose, token):
    key = tokens.read(purpose, token)
    if key is None:
        return None
    return Subscriber.objects.filter(key=key).first()


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: mail scanners that open every link in a mail must
    not confirm an address on their own."""
    subscriber = _subscriber("confirm", token)
    if subscriber is None:
        return _render(request, "confirm_invalid", {}, status=410)
    if request.method == "POST" or subscriber.is_confirmed:
        subscriptions.confirm(subscriber)
        manage = tokens.make("manage", subscriber)
        return _render(
            request,
            "confirmed",
            {"subscriber": subscriber, "manage_url": reverse("newsletter:manage", args=[manage])},
        )
    return _render(request, "confirm", {"subscriber": subscriber})


def _alerts(subscriber):
    return [(alert, alert_label(alert)) for alert in subscriber.alerts.select_related("index_page")]


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    subscriber = _subscriber("manage", token)
    if subscriber is None or not subscriber.is_confirmed:
        return _render(request, "unknown", {}, status=404)
    lists = follow.followable_lists()
    saved = False
    if request.method == "POST":
        form = SettingsForm(
            request.POST, subscriber=subscriber, lists=lists, alerts=_alerts(subscriber)
        )
        if form.is_valid():
            subscriptions.update(
                subscriber,
                newsletter=form.cleaned_data["newsletter"],
                frequency=form.cleaned_data["frequency"],
                keep_alerts=[int(pk) for pk in form.cleaned_data.get("keep", [])],
            )
            subscriptions.add_alerts(subscriber, form.new_alerts())
            saved = True
            form = SettingsForm(subscriber=subscriber, lists=lists, alerts=_alerts(subscriber))
    else:
        form = SettingsForm(subscriber=subscriber, lists=lists, alerts=_alerts(subscriber))
    return _render(
        request,
        "manage",
        {
            "form": form,
            "saved": saved,
            "subscriber": subscriber,
            "unsubscribe_url": reverse("newsletter:unsubscribe", args=[token]),
        },
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET asks, POST unsubscribes: the button here, or a mail program's one-click POST
    (``List-Unsubscribe-Post: List-Unsubscribe=One-Click``, RFC 8058)."""
    subscriber = _subscriber("manage", token)
    if request.method == "POST":
        if subscriber is not None:
            subscriptions.unsubscribe(subscriber)
        return _render(request, "unsubscribed", {})
    if subscriber is None:
        return _render(request, "unknown", {}, status=404)
    return _render(request, "unsubscribe", {"subscriber": subscriber})
