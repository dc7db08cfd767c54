from django.http import HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database access: the database may be the reason we are here.
    return HttpResponseServerError(loader.get_template("500.html").render())


def favicon(request):
    """Browsers ask for /favicon.ico regardless of the <link>; send them to the hashed SVG."""
    return redirect(static("img/favicon.svg"), permanent=True)
