vcl 4.1;
# Varnish in front of the Wagtail site "Strategische Partnerschaften" (Varnish 6.0+/7.x).
#
# - Backends: the gunicorn app replicas, round-robin, each health-probed on /healthz/
#   (answered by partnerships.middleware.HealthCheckMiddleware: no database, no Host check).
#   Add or remove replicas by copying a backend block and its add_backend() line.
# - Caches anonymous GET/HEAD pages as long as the app allows (Cache-Control s-maxage/max-age;
#   default_ttl when it says nothing); never private, no-store, Set-Cookie or 5xx answers.
# - Admin, form pages and everyone with a session or CSRF cookie go straight to the app.
# - PURGE from the "purgers" ACL (Wagtail's frontend cache invalidation) removes a URL at once.
# - Grace: while the app or its database is down, cached pages are served up to 24 h stale.
# - X-Cache: HIT/MISS/PASS on every answer (debugging; harmless to show).
#
# The test setup (.ci/scale.sh) writes its own ports into a copy of this file; nothing else
# differs from what runs in production.

import std;
import directors;

probe healthz {
    .request =
        "GET /healthz/ HTTP/1.1"
        "Host: localhost"
        "Connection: close"
        "User-Agent: varnish-probe";
    .expected_response = 200;
    .interval = 2s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

backend app1 {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = healthz;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

backend app2 {
    .host = "127.0.0.1";
    .port = "8002";
    .probe = healthz;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

# Who may send PURGE: loopback plus the app servers' network (adjust to your setup).
acl purgers {
    "127.0.0.1";
    "::1";
    # "10.0.0.0"/8;
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = app.backend();
    if (req.restarts == 0) {
        unset req.http.X-Grace-Retry;  # set only by vcl_synth below, never by clients
    }

    # PURGE /path: the page with all its query variants (?page=2, filters) on this host, as a
    # ban matched against the URL each cached object was fetched for (lurker-friendly).
    # BAN (any path): everything of this host (site-wide changes: navigation, settings).
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE nicht erlaubt"));
        }
        if (req.method == "BAN") {
            ban("obj.http.X-Cache-Host == " + req.http.host);
        } else {
            ban("obj.http.X-Cache-Host == " + req.http.host + " && obj.http.X-Cache-Url ~ ^"
                + regsub(req.url, "\?.*$", "") + "([?]|$)");
        }
        return (synth(200, "Purged"));
    }

    # The site has one language; do not split the cache by Accept-Language.
    unset req.http.Accept-Language;

    # Grace: a healthy app gets a fresh copy soon after the TTL; a sick app (or a retry after
    # a failed fetch, see vcl_synth) gets whatever cached copy there is, up to 24 h old.
    if (req.http.X-Grace-Retry) {
        set req.grace = 24h;
    } elseif (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|kontakt)(/|$)" || req.url ~ "^/healthz/") {
        return (pass);
    }
    # Editors (session) and anyone who has been shown a form (CSRF cookie) see the live site.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Any other cookie (analytics from elsewhere, consent banners ...) means nothing to the app.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # What PURGE/BAN match against (removed again before delivery).
    set beresp.http.X-Cache-Host = bereq.http.host;
    set beresp.http.X-Cache-Url = bereq.url;
    if (bereq.uncacheable) {
        return (deliver);  # passed requests (admin, forms, editors)
    }
    # Errors are never cached. A failed fetch is abandoned instead, which leaves any stale copy
    # in place (a new object, even an uncacheable one, would replace it); vcl_synth then
    # retries with a 24 h grace. Only the retry itself delivers the app's error page.
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch || !bereq.http.X-Grace-Retry) {
            return (abandon);
        }
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Varnish derives the TTL from s-maxage, then max-age (default_ttl if neither is sent).
    # As in the built-in VCL: no caching of Set-Cookie, private, no-store, no-cache, Vary: *.
    if (beresp.ttl <= 0s
        || beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Vary == "*") {
        set beresp.ttl = 120s;  # remember "do not cache" for this URL for 2 minutes
        set beresp.uncacheable = true;
        return (deliver);
    }
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_hit {
    # Counted for X-Cache below; grace decisions are made by req.grace in vcl_recv.
    set req.http.X-Cache = "HIT";
}

sub vcl_miss {
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_backend_error {
    # No answer at all (app down, timeout): as above, first a retry with grace, then a German
    # notice instead of Varnish's error page.
    if (bereq.is_bgfetch || (!bereq.uncacheable && !bereq.http.X-Grace-Retry)) {
        return (abandon);
    }
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    synthetic({"<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Vorübergehend nicht erreichbar</title></head><body><h1>Vorübergehend nicht erreichbar</h1><p>Die Website ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.</p></body></html>"});
    return (deliver);
}

sub vcl_deliver {
    set resp.http.X-Cache = req.http.X-Cache;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    }
    if (req.http.X-Grace-Retry && req.http.X-Cache == "HIT") {
        set resp.http.X-Cache = "HIT (stale)";
    }
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    unset resp.http.X-Cache-Host;
    unset resp.http.X-Cache-Url;
}

sub vcl_synth {
    # An abandoned fetch (the app or its database failed): once more, accepting a stale copy.
    if (resp.status == 503 && req.restarts == 0 && !req.http.X-Grace-Retry
        && (req.method == "GET" || req.method == "HEAD")) {
        set req.http.X-Grace-Retry = "1";
        return (restart);
    }
    if (resp.status == 200 && (req.method == "PURGE" || req.method == "BAN")) {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        synthetic("Purged");
        return (deliver);
    }
    if (resp.status == 405) {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        synthetic("PURGE ist nur von freigegebenen Adressen erlaubt.");
        return (deliver);
    }
}
