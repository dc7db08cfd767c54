"""Base settings: safe defaults (DEBUG off), everything secret from the environment."""

import hashlib
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "partnerships",
    "concepts",
    "casestudies",
    "news",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    # Wagtail's API; "rest_framework" itself is not installed: only its JSON renderer is used,
    # and its catalogs would replace Django's German form messages with other wordings.
    "wagtail.api.v2",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Its German catalog translates the relative times of the admin ("vor 6 Sekunden"); Wagtail
    # uses its naturaltime filter without installing the app.
    "django.contrib.humanize",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # Outermost: every answer passes through these two, whichever middleware or view made it
    # (the HTTPS and trailing-slash redirects, the 400 for an unknown host, static files, the
    # health check): CSP, Permissions-Policy, HSTS, nosniff, Referrer-Policy, COOP and
    # X-Frame-Options on every response (partnerships/ops/headers.py).
    "partnerships.ops.headers.SecurityHeadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Answers /healthz/ for load balancers and Varnish without Host check or database.
    "partnerships.ops.health.HealthCheckMiddleware",
    # Sees every answer (HTTPS redirects included): marks what shared caches may store
    # ("public") and everything else "private" (partnerships/caching/pagecache.py); the hits
    # themselves are answered in front of Django (partnerships/wsgi.py).
    "partnerships.caching.pagecache.PageCacheMiddleware",
    # The HTTPS redirect (its headers are added again outermost, see above).
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Inside WhiteNoise (static files are precompressed) and outside everything that writes
    # the body.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Reads the content version once per request, before any data: the page cache labels
    # what it stores with it, and site-wide data comes from the memo built under it.
    "partnerships.caching.middleware.ContentVersionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "partnerships.accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",  # refuses locked-out logins; get_user() from ModelBackend
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "partnerships.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "partnerships.wsgi.application"

# SQLite is the embedded default; DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/db)
# switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# make run's SQLite database is shared by the dev server's threads: a writer waits up to 20 s
# for another (instead of "database is locked" at once), every transaction takes the write
# lock when it begins (no failed lock upgrade halfway through a save, which SQLite answers with
# "database is locked" without waiting), and WAL lets readers go on while someone writes.
SQLITE_OPTIONS = {
    "timeout": int(os.environ.get("SQLITE_TIMEOUT", "20")),
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server must fail fast (the 503 page), never hang a worker.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "2"))
    )
    # The whole database fits in memory (about 100 MB with 11,000 pages): an index lookup costs
    # about as much as a sequential read, and with PostgreSQL's default (4, for spinning disks)
    # the planner scans the page table instead of looking up a few hundred rows.
    # jit=off: the site search joins nine page tables; the planner overestimates that join by
    # orders of magnitude, crosses jit_above_cost and spends about 4.5 s compiling a query
    # that runs in 0.04-0.1 s. The site's queries are all short OLTP lookups, which JIT never
    # speeds up. Per session, so both also work on a managed server; PG_SESSION_OPTIONS=""
    # leaves the server's values, any other value replaces both.
    _pg_options = os.environ.get("PG_SESSION_OPTIONS", "-c random_page_cost=1.1 -c jit=off")
    if _pg_options:
        DATABASES["default"]["OPTIONS"].setdefault("options", _pg_options)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Seconds the queries of one site search may take together; then the visitor is asked to
# narrow the search (partnerships.search.timeout.time_limit), and the worker is free again.
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", "2"))

# Only the admin uses sessions: a login lasts a working day. Sessions live in the database, so
# every app replica sees every login (no per-process or per-machine session state).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 8 * 60 * 60
# The contact form's CSRF cookie lives only until the browser closes (the Datenschutz text
# says so), not Django's default of a year.
CSRF_COOKIE_AGE = None
# Who gets a mail for every server error: "Name <address>, …" (none by default; the 500 page
# says which is true).
ADMINS = [
    (address.split("<")[0].strip() or address, address.split("<")[-1].rstrip(">").strip())
    for address in os.environ.get("ADMINS", "").split(",")
    if address.strip()
]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
# Our German catalog (locale/de/LC_MESSAGES) comes first: it replaces Wagtail's and Django's
# translations where they are English or odd, with one word per thing ("Freigabe", "Prüfer",
# "Empfohlene Suchergebnisse"). The compiled .mo files are committed.
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch")]
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploaded media (images, renditions, documents) on S3-compatible object storage when a bucket
# is configured, so any number of app replicas share them; local disk (MEDIA_ROOT) otherwise.
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are read by boto3 from the environment.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
MEDIA_ORIGIN = ""  # origin of public media URLs when they are not served by this site
if AWS_STORAGE_BUCKET_NAME:
    _s3_endpoint = os.environ.get("AWS_S3_ENDPOINT_URL", "")  # empty: Amazon S3 itself
    _s3_domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")  # e.g. a CDN in front of the bucket
    _s3_location = os.environ.get("AWS_LOCATION", "").strip("/")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": _s3_endpoint or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME", "us-east-1"),
            # Path-style (endpoint/bucket/key) works with every S3-compatible store (MinIO,
            # SeaweedFS, Ceph, Hetzner, IONOS, ...); Amazon itself prefers virtual hosts.
            "addressing_style": os.environ.get(
                "AWS_S3_ADDRESSING_STYLE", "path" if _s3_endpoint else "virtual"
            ),
            "signature_version": "s3v4",
            "location": _s3_location,
            "custom_domain": _s3_domain or None,
            "url_protocol": os.environ.get("AWS_S3_URL_PROTOCOL", "https:"),
            # Media on a public website is public: plain, cacheable URLs without signatures.
            # Read access comes from the bucket policy; no per-object ACLs (AWS_DEFAULT_ACL
            # unset), since new Amazon buckets refuse ACLs and most S3 clones ignore them.
            "querystring_auth": False,
            "default_acl": os.environ.get("AWS_DEFAULT_ACL") or None,
            # Never overwrite: a new upload with an existing name gets a suffix, as on disk.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }
    if _s3_domain:
        MEDIA_ORIGIN = f"{os.environ.get('AWS_S3_URL_PROTOCOL', 'https:')}//{_s3_domain}"
        MEDIA_URL = f"{MEDIA_ORIGIN}/{_s3_location + '/' if _s3_location else ''}"
    elif _s3_endpoint:
        _parts = urlsplit(_s3_endpoint)
        MEDIA_ORIGIN = f"{_parts.scheme}://{_parts.netloc}"
        MEDIA_URL = f"{_s3_endpoint.rstrip('/')}/{AWS_STORAGE_BUCKET_NAME}/" + (
            f"{_s3_location}/" if _s3_location else ""
        )
    else:
        MEDIA_ORIGIN = f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
        MEDIA_URL = f"{MEDIA_ORIGIN}/{_s3_location + '/' if _s3_location else ''}"
MEDIA_URL = os.environ.get("MEDIA_URL", MEDIA_URL)
if os.environ.get("MEDIA_URL") and "://" in MEDIA_URL:
    _parts = urlsplit(MEDIA_URL)
    MEDIA_ORIGIN = f"{_parts.scheme}://{_parts.netloc}"
WHITENOISE_MAX_AGE = 60 * 60  # unhashed names; hashed names get a year automatically

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Strategische Partnerschaften"
# The address the site is served at: links in e-mails (invitations, workflow mails, contact
# confirmations). `make run` sets SITE_URL to http://127.0.0.1:$(PORT).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
# Editors' avatars: no e-mail hash goes to gravatar.com (GDPR); Wagtail shows its own default
# avatar, served by the site, unless the user uploads one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail 8's autosave is off: it raced the Freigabe (a moderator's "Freigeben und
# Veröffentlichen" followed 1.4 s later by an autosave POST with the stale form unpublished
# the page, Wagtail pull request 14460), stored inline partners that the manual save added
# again, and created a draft as soon as a title was typed. The unsaved-changes warning
# ("Sie haben ungespeicherte Änderungen") stays; saving is the editor's click.
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAILADMIN_USER_LOGIN_FORM = "partnerships.accounts.forms.LoginForm"  # label "Passwort"
WAGTAILIMAGES_IMAGE_MODEL = "partnerships.CustomImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "partnerships.images.forms.CustomImageForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Our own (partnerships.images.renditions), not Wagtail's: signed /bilder/ URLs make renditions up
# to this many pixels wide and high with at most this many operations, and 404 otherwise.
# Twice the largest size the templates ask for (width-1200, fill-1200x630); a 2400 px AVIF
# from a 40-megapixel original takes 3–4 s on one core here (decoding the original: ~1 s).
WAGTAILIMAGES_MAX_RENDITION_DIMENSION = 2400
WAGTAILIMAGES_MAX_RENDITION_OPERATIONS = 4
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document is a download (Content-Disposition: attachment), PDFs included; Wagtail's
# serve view adds "Content-Security-Policy: default-src 'none'" and "nosniff".
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "german",
    }
}
WAGTAILEMBEDS_FINDERS = []  # no third-party embeds (GDPR)
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No banner linking to wagtail.org (English, a third party); the help menu has our guide.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Deleting this many pages or more at once (a page and its descendants) asks the user to type
# the site name first; with the permissions in partnerships.editorial.permissions only
# moderators and administrators can delete pages that have children at all.
WAGTAILADMIN_UNSAFE_PAGE_DELETION_LIMIT = 10
WAGTAIL_PASSWORD_RESET_ENABLED = True
# New users may be created without a password: they are invited by e-mail to set their own
# (partnerships.wagtail_hooks.invite_user_without_password). The link is valid for 3 days.
WAGTAILUSERS_PASSWORD_REQUIRED = False
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "redaktion@strategische-partnerschaften.de"
)
DEFAULT_FROM_EMAIL = WAGTAILADMIN_NOTIFICATION_FROM_EMAIL

# Security headers (sent in every environment; HSTS only goes out over HTTPS).
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy via django-csp 4 (Django 5.2 has no CSP support of its own; it arrives
# in Django 6.0). The public site is fully self-hosted: one stylesheet, no scripts, no inline
# styles or scripts, so no nonces and no 'unsafe-*'. The Wagtail admin (and its page previews)
# needs inline scripts and styles, so it is excluded from the enforced policy and gets the same
# strict policy report-only (see partnerships.ops.headers.SecurityHeadersMiddleware).
_CSP_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
ADMIN_URL_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": [ADMIN_URL_PREFIX],
    "DIRECTIVES": _CSP_DIRECTIVES,
}
CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _CSP_DIRECTIVES}
# Features the site does not use, switched off for the page and everything it embeds.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
    "screen-wake-lock=(), xr-spatial-tracking=()"
)
# Login protection (django-axes): 5 failed attempts for one username from one address lock
# that pair out for 15 minutes; a successful login resets the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_CLIENT_IP_CALLABLE = "partnerships.accounts.lockout.client_ip_address"
# Number of reverse proxies in front that append to X-Forwarded-For (0: none, header ignored).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Contact form (partnerships.contact.protection): at most this many submissions per client
# address within the window (seconds), counted in the database (not the cache: it must hold
# without Redis).
CONTACT_RATE_LIMIT = int(os.environ.get("CONTACT_RATE_LIMIT", "5"))
CONTACT_RATE_WINDOW = int(os.environ.get("CONTACT_RATE_WINDOW", str(10 * 60)))

# --- Legal facts that follow from the configuration (partnerships.legal) ---
# The legal pages render these values (generated sections), so what they say is what runs.
# Form submissions (contact, accessibility feedback) are deleted after this many months by
# the scheduler (manage.py delete_expired_submissions).
FORM_RETENTION_MONTHS = int(os.environ.get("FORM_RETENTION_MONTHS", "6"))
# gunicorn's access log (gunicorn.conf.py reads the same variables): rotated at midnight into
# LOG_DIR, files older than LOG_RETENTION_DAYS deleted by the rotation itself.
LOG_RETENTION_DAYS = int(os.environ.get("LOG_RETENTION_DAYS", "14"))
LOG_DIR = Path(os.environ.get("LOG_DIR", BASE_DIR / "logs"))
# Who runs the object storage for media, and where (shown in the privacy text); empty: derived
# from the storage settings.
MEDIA_STORAGE_OPERATOR = os.environ.get("MEDIA_STORAGE_OPERATOR", "")
MEDIA_STORAGE_LOCATION = os.environ.get("MEDIA_STORAGE_LOCATION", "")
# Production's ``check --deploy`` reports every missing Impressum fact as partnerships.E100;
# a staging site silences it with SILENCED_SYSTEM_CHECKS=partnerships.E100.
SILENCED_SYSTEM_CHECKS = env_list("SILENCED_SYSTEM_CHECKS")
# What the generated legal sections depend on besides the content: part of the cache key, so
# a deployment with other values never serves pages cached with the old ones.
LEGAL_CONFIGURATION = hashlib.sha256(
    repr(
        [
            FORM_RETENTION_MONTHS,
            LOG_RETENTION_DAYS,
            MEDIA_URL,
            MEDIA_STORAGE_OPERATOR,
            MEDIA_STORAGE_LOCATION,
            *(
                os.environ.get(name, "")
                for name in (
                    "AWS_STORAGE_BUCKET_NAME",
                    "AWS_S3_ENDPOINT_URL",
                    "AWS_S3_REGION_NAME",
                    "AWS_S3_CUSTOM_DOMAIN",
                    "CLOUDFLARE_ZONE_ID",
                    "CLOUDFRONT_DISTRIBUTION_ID",
                )
            ),
        ]
    ).encode()
).hexdigest()[:8]

# --- Open data API (partnerships.api) ---
API_RATE = os.environ.get("API_RATE", "120/min")  # requests per client address
if os.environ.get("WAGTAILAPI_BASE_URL"):  # default: the address of the request
    WAGTAILAPI_BASE_URL = os.environ["WAGTAILAPI_BASE_URL"]
WAGTAILAPI_LIMIT_MAX = 100
REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

# --- Newsletter and alerts (partnerships.newsletter) ---
# The mail queue is a table in the site's database (django-tasks with django-tasks-db); its
# worker is ``manage.py db_worker --backend mail`` (make worker, the compose service
# "worker"). Wagtail's own tasks (search index, references) stay on the default backend and
# run at once, as without a task framework.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
NEWSLETTER_FROM_EMAIL = os.environ.get("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
# None: the site's EMAIL_BACKEND (SMTP in production, with the newsletter's tracking of
# interrupted mails, partnerships.newsletter.smtp).
NEWSLETTER_EMAIL_BACKEND = os.environ.get("NEWSLETTER_EMAIL_BACKEND") or None
NEWSLETTER_RATE = float(os.environ.get("NEWSLETTER_RATE", "10"))  # mails per second; 0: no limit
NEWSLETTER_CONFIRM_HOURS = 48
NEWSLETTER_UNCONFIRMED_DAYS = 7
NEWSLETTER_MAX_CONFIRMATIONS = 3  # confirmation mails per unconfirmed address
NEWSLETTER_PROOF_YEARS = 3  # proof of a withdrawn consent (§ 195 BGB: three years)
NEWSLETTER_DIGEST_HOUR = 7  # digests go out from 7:00 local time
NEWSLETTER_RATE_LIMIT = int(os.environ.get("NEWSLETTER_RATE_LIMIT", "5"))
NEWSLETTER_RATE_WINDOW = int(os.environ.get("NEWSLETTER_RATE_WINDOW", str(10 * 60)))

# Second factor (TOTP, django-otp) for the admin: optional for everyone; with
# ADMIN_REQUIRE_2FA=1 superusers must set it up before they can use the admin
# (partnerships.accounts.two_factor). Failed codes slow further tries down (1 s, 2 s, 4 s, …).
ADMIN_REQUIRE_2FA = os.environ.get("ADMIN_REQUIRE_2FA", "").lower() in ("1", "true", "yes", "on")
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
OTP_TOTP_THROTTLE_FACTOR = 1

# Redis when REDIS_URL is set (e.g. redis://127.0.0.1:6379/0), shared by all workers;
# otherwise local memory of each process. Redis down is a cache miss, never an error: the back
# end answers misses and skips Redis for a few seconds after a failure (circuit breaker). Short
# socket timeouts: a hanging Redis must cost at most one timeout now and then, never a hung worker.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache: one client per pool, a miss while Redis is unreachable
            # (partnerships/caching/redis_backend.py).
            "BACKEND": "partnerships.caching.redis_backend.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{os.environ.get('CACHE_KEY_PREFIX', 'sp')}-{LEGAL_CONFIGURATION}",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Caching (partnerships/caching/, docs/scaling.md): one content version, raised by every
# content change, and everything keyed on it.
# Whole-page cache for anonymous visitors. FULL_PAGE_CACHE=0 turns it off.
# PAGE_CACHE_SECONDS: how long Redis and shared caches (s-maxage) keep a page; a change makes
# every page stale at once, so this only bounds memory. Only a page's canonical address is
# stored (its <link rel="canonical">): other spellings and unknown parameters are rendered.
FULL_PAGE_CACHE = os.environ.get("FULL_PAGE_CACHE", "1") != "0"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# Never cached: the admin (and previews), search (every search is counted for the report),
# documents (served with their own headers), static and media files.
PAGE_CACHE_EXCLUDE_PREFIXES = [ADMIN_URL_PREFIX, "/suche/", "/dokumente/", STATIC_URL, MEDIA_URL]
# Site-wide data (site, navigation, settings, restrictions, routes, fragments) computed once
# per process and content version (partnerships/caching/memo.py). Not a response cache:
# CONTENT_MEMO=0 only makes every request read it all again.
CONTENT_MEMO = os.environ.get("CONTENT_MEMO", os.environ.get("CONTENT_SNAPSHOT", "1")) != "0"
# What is memoized (partnerships/caching/declarations.py): dotted path -> most keys kept
# (None: 5,000). Pure functions of stored content and their arguments only; a value that
# depends on the time (upcoming events) is valid until the next moment CONTENT_CLOCK names.
CONTENT_MEMOS = {
    "partnerships.models.settings.SiteSettings._load": None,  # footer, organisation, sharing image
    "partnerships.models.home.HomePage.featured_pages": None,
    "partnerships.models.home.HomePage.latest_news": None,
    "partnerships.models.home.HomePage.upcoming_events": None,
    "partnerships.newsletter.follow.followable_lists": None,  # the newsletter's lists
    "partnerships.routing.restricted_paths": None,  # every listing's restriction condition
    "partnerships.routing.find_route": 20_000,  # visitors choose the paths
    "partnerships.routing.shared_page": 50_000,
    "partnerships.templatetags.navigation_tags.load_sections": None,  # navigation, tiles, feeds
    "partnerships.templatetags.seo_tags.load_feeds": None,
    "partnerships.glossary.load_matcher": None,  # the terms marked in concept and case-study texts
    "partnerships.templatetags.navigation_tags.render_main_nav": None,
    "partnerships.templatetags.navigation_tags.render_footer": None,
    "partnerships.templatetags.image_tags.render_picture": None,  # nine renditions each
    "partnerships.templatetags.image_tags.social_rendition": None,
    "news.models.NewsIndexPage.archive_years": None,  # read every news item
    "news.models.NewsIndexPage.news_count": None,
    "news.models.NewsPage.tag_list": 20_000,
    "casestudies.filters.snippet_choices": None,
    "news.events.filters.thema_choices": None,
    "casestudies.filters.concept_choices": None,
    "casestudies.models.CaseStudyIndexPage.filtered_ids": 1000,  # every filter combination
    "casestudies.models.CaseStudyIndexPage.bundesland_counts": 1000,  # the map, per filter
    "casestudies.models.CaseStudyIndexPage.cards": None,
    "casestudies.models.CaseStudyPage.more_case_studies": None,
    "casestudies.models.CaseStudyPage.more_case_study_cards": None,
    "concepts.models.ConceptPage.citations": None,
    "concepts.models.case_study_index": None,
}

# The content clock (partnerships/caching/version.py): moments at which stored content renders
# differently without anybody saving (an event ends, a registration closes). Dotted paths of
# functions f(now) -> datetime | None: the earliest such moment strictly after ``now`` (aware
# datetime), None if there is none. At that moment the content version is renewed as by a
# change: the memo, the page cache and Varnish (BAN, s-maxage) honour it. Feature apps add
# their functions here; manage.py tick_content_clock (the scheduler) ticks when nobody reads.
CONTENT_CLOCK = [
    "news.events.clock.next_change",  # events end, registrations close
    "partnerships.citations.next_change",  # local midnight: the citations' access date
]

# HTTP caches in front (Varnish and/or a CDN): emptied once after every committed change
# (partnerships/caching/frontend.py). Each back end is switched on by its variables.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_VARNISH_URL"):  # e.g. http://127.0.0.1:6081 (PURGE requests)
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_VARNISH_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID") and os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):  # credentials: the usual AWS_* variables
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
