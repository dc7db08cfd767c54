vcl 4.1;
# Varnish in front of the Wagtail site "Strategische Partnerschaften" (Varnish 6.0+/7.x).
#
# - Backends: the gunicorn app replicas, round-robin, each health-probed on /healthz/
#   (answered by partnerships.ops.health.HealthCheckMiddleware: no database, no Host check).
#   Add or remove replicas by copying a backend block and its add_backend() line.
# - Every request is normalised first (vcl_recv, sub normalise): Host lower-case without a
#   trailing dot or default port, unreserved characters in the URL decoded (/%61ktuelles/ is
#   /aktuelles/), other %xx in upper case, no lone trailing "?", X-Forwarded-Proto exactly
#   "https" or "http". The app gets the normalised request; the cache key is URL + Host +
#   X-Forwarded-Proto, so the HTTP->HTTPS redirect is never served to HTTPS visitors.
# - Stores only what the app marks "Cache-Control: public" with a positive s-maxage/max-age,
#   for that long; everything else (no Cache-Control at all, private, no-store, no-cache,
#   Set-Cookie, 5xx, redirects that do not say public) is never stored. No default TTL.
# - Admin, form pages and everyone with a session or CSRF cookie go straight to the app.
# - Invalidation: after each content change the app sends one "BAN /" (any Host) from the
#   "purgers" ACL; it drops every cached object of every host. PURGE /path (manual use)
#   drops one URL with its query variants on one (normalised) host.
# - After a BAN nothing stale is served: the first visitor's request fetches the page, the
#   others wait for it (Varnish request coalescing, the "waiting list"), so a change costs
#   one render per URL, not one per visitor.
# - Grace: while the app or its database is down, pages whose TTL ran out are served up to
#   24 h stale; banned objects never are (bans are checked on every lookup, grace included).
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

# Who may send BAN and PURGE: loopback plus the app servers' network (adjust to your setup).
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
    # Before anything else: PURGE, the pass rules below and the cache key all see one spelling.
    call normalise;

    set req.backend_hint = app.backend();
    if (req.restarts == 0) {
        unset req.http.X-Grace-Retry;  # set only by vcl_synth below, never by clients
    }

    # BAN (any path, any Host): every cached object of every host. This is what the app sends
    # after each content change (one content version for the whole site). "obj.status != 0"
    # is true for every object and refers only to obj.*, so the ban lurker removes the
    # objects in the background and the ban list stays short (identical bans are merged).
    # PURGE /path (manual use): the page with all its query variants (?page=2, filters) on
    # this host, in both schemes, matched against the normalised URL and Host each object was
    # fetched with (also lurker-friendly).
    # A fetch already under way when the BAN arrives is not covered: Varnish tests a ban only
    # against objects in the cache at that moment, and an object enters it when its headers
    # arrive. So the app must not mark "public" a page rendered from data older than a change
    # it has already banned for (or it sends the BAN again after the longest render).
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE nicht erlaubt"));
        }
        if (req.method == "BAN") {
            ban("obj.status != 0");
        } else {
            # The path as a regular expression: its metacharacters escaped (a path may
            # contain "(", "+", "*", "$" ...; "." would otherwise match any character).
            ban("obj.http.X-Cache-Host == " + req.http.host + " && obj.http.X-Cache-Url ~ ^"
                + regsuball(regsub(req.url, "\?.*$", ""), "([][\\.^$|()*+?{}])", "\\\1")
                + "([?]|$)");
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

# One spelling for equivalent requests, before anything looks at them. The app gets the
# normalised request too, so what it renders, what is cached and what a PURGE names agree.
sub normalise {
    # Host: names are case-insensitive (RFC 3986 6.2.2.1), the default port and an empty
    # port mean nothing (6.2.3), "localhost." is the fully qualified "localhost". :443 goes
    # too: behind the TLS terminator "host:443" is the same site as "host".
    if (req.http.host) {
        set req.http.host = std.tolower(req.http.host);
        set req.http.host = regsub(req.http.host, ":(80|443)?$", "");
        set req.http.host = regsub(req.http.host, "\.(:[0-9]+)?$", "\1");
    }

    # URL: percent-encoded unreserved characters (A-Z a-z 0-9 - . _ ~) are the characters
    # themselves (RFC 3986 2.3, 6.2.2.2), the hex digits of all other escapes are upper case
    # (6.2.2.1). Neither vmod std nor vmod blob can decode only some characters (blob's URL
    # decoder decodes "/" and "?" as well), hence one regsuball per character; they run only
    # for URLs with such an escape, and not at all for a URL with a broken escape ("%zz",
    # "%4"), which goes to the app untouched. Decoding cannot create a new escape: in a valid
    # URL each "%" keeps its own two hex digits.
    if (req.url ~ "%" && req.url !~ "%(?![0-9A-Fa-f]{2})") {
        if (req.url ~ "(?i)%(2[DE]|3[0-9]|[46][1-9A-F]|[57][0-9A]|5F|7E)") {
            call decode_unreserved;
        }
        if (req.url ~ "%([a-f].|.[a-f])") {
            call uppercase_escapes;
        }
    }
    # "/aktuelles/?" is "/aktuelles/".
    set req.url = regsub(req.url, "\?$", "");

    # X-Forwarded-Proto, set by the TLS terminator in front (it must overwrite, not pass on,
    # what a client sends): the first value of a list, case-insensitive, as exactly "https"
    # or "http"; none at all is plain HTTP. Django (SECURE_PROXY_SSL_HEADER) compares the
    # exact string, so it sees the same scheme as the cache key below.
    if (req.http.X-Forwarded-Proto ~ "(?i)^\s*https\s*(,|$)") {
        set req.http.X-Forwarded-Proto = "https";
    } else {
        set req.http.X-Forwarded-Proto = "http";
    }
}

sub decode_unreserved {
    set req.url = regsuball(req.url, "(?i)%2D", "-");
    set req.url = regsuball(req.url, "(?i)%2E", ".");
    set req.url = regsuball(req.url, "(?i)%30", "0");
    set req.url = regsuball(req.url, "(?i)%31", "1");
    set req.url = regsuball(req.url, "(?i)%32", "2");
    set req.url = regsuball(req.url, "(?i)%33", "3");
    set req.url = regsuball(req.url, "(?i)%34", "4");
    set req.url = regsuball(req.url, "(?i)%35", "5");
    set req.url = regsuball(req.url, "(?i)%36", "6");
    set req.url = regsuball(req.url, "(?i)%37", "7");
    set req.url = regsuball(req.url, "(?i)%38", "8");
    set req.url = regsuball(req.url, "(?i)%39", "9");
    set req.url = regsuball(req.url, "(?i)%41", "A");
    set req.url = regsuball(req.url, "(?i)%42", "B");
    set req.url = regsuball(req.url, "(?i)%43", "C");
    set req.url = regsuball(req.url, "(?i)%44", "D");
    set req.url = regsuball(req.url, "(?i)%45", "E");
    set req.url = regsuball(req.url, "(?i)%46", "F");
    set req.url = regsuball(req.url, "(?i)%47", "G");
    set req.url = regsuball(req.url, "(?i)%48", "H");
    set req.url = regsuball(req.url, "(?i)%49", "I");
    set req.url = regsuball(req.url, "(?i)%4A", "J");
    set req.url = regsuball(req.url, "(?i)%4B", "K");
    set req.url = regsuball(req.url, "(?i)%4C", "L");
    set req.url = regsuball(req.url, "(?i)%4D", "M");
    set req.url = regsuball(req.url, "(?i)%4E", "N");
    set req.url = regsuball(req.url, "(?i)%4F", "O");
    set req.url = regsuball(req.url, "(?i)%50", "P");
    set req.url = regsuball(req.url, "(?i)%51", "Q");
    set req.url = regsuball(req.url, "(?i)%52", "R");
    set req.url = regsuball(req.url, "(?i)%53", "S");
    set req.url = regsuball(req.url, "(?i)%54", "T");
    set req.url = regsuball(req.url, "(?i)%55", "U");
    set req.url = regsuball(req.url, "(?i)%56", "V");
    set req.url = regsuball(req.url, "(?i)%57", "W");
    set req.url = regsuball(req.url, "(?i)%58", "X");
    set req.url = regsuball(req.url, "(?i)%59", "Y");
    set req.url = regsuball(req.url, "(?i)%5A", "Z");
    set req.url = regsuball(req.url, "(?i)%5F", "_");
    set req.url = regsuball(req.url, "(?i)%61", "a");
    set req.url = regsuball(req.url, "(?i)%62", "b");
    set req.url = regsuball(req.url, "(?i)%63", "c");
    set req.url = regsuball(req.url, "(?i)%64", "d");
    set req.url = regsuball(req.url, "(?i)%65", "e");
    set req.url = regsuball(req.url, "(?i)%66", "f");
    set req.url = regsuball(req.url, "(?i)%67", "g");
    set req.url = regsuball(req.url, "(?i)%68", "h");
    set req.url = regsuball(req.url, "(?i)%69", "i");
    set req.url = regsuball(req.url, "(?i)%6A", "j");
    set req.url = regsuball(req.url, "(?i)%6B", "k");
    set req.url = regsuball(req.url, "(?i)%6C", "l");
    set req.url = regsuball(req.url, "(?i)%6D", "m");
    set req.url = regsuball(req.url, "(?i)%6E", "n");
    set req.url = regsuball(req.url, "(?i)%6F", "o");
    set req.url = regsuball(req.url, "(?i)%70", "p");
    set req.url = regsuball(req.url, "(?i)%71", "q");
    set req.url = regsuball(req.url, "(?i)%72", "r");
    set req.url = regsuball(req.url, "(?i)%73", "s");
    set req.url = regsuball(req.url, "(?i)%74", "t");
    set req.url = regsuball(req.url, "(?i)%75", "u");
    set req.url = regsuball(req.url, "(?i)%76", "v");
    set req.url = regsuball(req.url, "(?i)%77", "w");
    set req.url = regsuball(req.url, "(?i)%78", "x");
    set req.url = regsuball(req.url, "(?i)%79", "y");
    set req.url = regsuball(req.url, "(?i)%7A", "z");
    set req.url = regsuball(req.url, "(?i)%7E", "~");
}

sub uppercase_escapes {
    set req.url = regsuball(req.url, "%a([0-9A-Fa-f])", "%A\1");
    set req.url = regsuball(req.url, "%b([0-9A-Fa-f])", "%B\1");
    set req.url = regsuball(req.url, "%c([0-9A-Fa-f])", "%C\1");
    set req.url = regsuball(req.url, "%d([0-9A-Fa-f])", "%D\1");
    set req.url = regsuball(req.url, "%e([0-9A-Fa-f])", "%E\1");
    set req.url = regsuball(req.url, "%f([0-9A-Fa-f])", "%F\1");
    set req.url = regsuball(req.url, "%([0-9A-F])a", "%\1A");
    set req.url = regsuball(req.url, "%([0-9A-F])b", "%\1B");
    set req.url = regsuball(req.url, "%([0-9A-F])c", "%\1C");
    set req.url = regsuball(req.url, "%([0-9A-F])d", "%\1D");
    set req.url = regsuball(req.url, "%([0-9A-F])e", "%\1E");
    set req.url = regsuball(req.url, "%([0-9A-F])f", "%\1F");
}

sub vcl_hash {
    # The normalised URL, Host and scheme: the HTTP->HTTPS redirect (and robots.txt with its
    # absolute sitemap URL) is cached, if at all, for plain-HTTP visitors only.
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
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
    # Stored only when the app says so: "public" and a positive s-maxage or max-age (from
    # which Varnish took beresp.ttl; s-maxage wins, Expires and default_ttl never count).
    # Everything else is not stored: no Cache-Control at all (Django's HTTP->HTTPS redirect,
    # 404 pages, URLs with unknown query parameters), private, no-store, no-cache,
    # Set-Cookie, Vary: *, and so every redirect that does not say public.
    if (beresp.http.Cache-Control !~ "(?i)(^|,)\s*public\s*(,|$)"
        || beresp.http.Cache-Control !~ "(?i)(^|,)\s*(s-maxage|max-age)\s*="
        || beresp.ttl <= 0s
        || beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Vary == "*") {
        # Hit-for-miss for 5 s: requests for this URL skip the waiting list and go to the app
        # in parallel instead of queueing one behind the other for an answer they could not
        # share. No "do not cache" verdict (that would be hit-for-pass): the first cacheable
        # answer replaces it. Short all the same (the built-in VCL keeps it 120 s): while it
        # lasts, requests for the URL are not coalesced, and each such object (every URL with
        # unknown query parameters, every plain-HTTP redirect) takes memory and lurker time.
        set beresp.ttl = 5s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Kept 24 h past the TTL for outages (see vcl_recv). A BAN removes it all the same.
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
