"""Settings for newsroom, read from the environment (see .env.example).

Every value comes through django-environ so that a missing or malformed variable
fails loudly at start-up instead of half-working in production.
"""

import datetime as dt
import re
from pathlib import Path

import environ
from csp import constants as csp_constants
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from newsroom.storage import s3_storages

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env fills in what the real environment does not set (never overrides it).
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (for example in .env; "
            "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'). "
            "Only a DEBUG development server may run without it."
        )
    SECRET_KEY = "django-insecure-development-only-key"

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Domains of old portals brought in (imports/): every request to one answers 301 to this
# site (docs/migration.md). They are allowed hosts so that the redirect can be answered.
RETIRED_HOSTS = [h.lower() for h in env.list("RETIRED_HOSTS", default=[])]
ALLOWED_HOSTS += [h for h in RETIRED_HOSTS if h not in ALLOWED_HOSTS]

SITE_NAME = env.str("SITE_NAME", default="Công an tỉnh Sông Lam")
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # django.contrib.admin, with the site that also demands the second factor.
    "accounts.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "django_ckeditor_5",
    "reversion",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "accounts.apps.LockoutsConfig",  # django-axes
    "csp",
    "accounts",
    "photos",
    "publishing",
    "articles",
    "notices",
    "questions",
    "reporting",
    "organisation",
    "documents",
    "english",
    "imports",
    "public",
    "api",
    "corsheaders",
    "demo",
]

MIDDLEWARE = [
    # First: where this request's reads go (the session is read through the router too).
    "newsroom.replica.ReplicaRoutingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The public API (api/): CORS for GET, then 304s, keys and quotas answered before
    # the page policies, sessions, authentication and CSRF (newsroom/api_gate.py).
    "corsheaders.middleware.CorsMiddleware",
    "newsroom.api_gate.ApiGateMiddleware",
    "newsroom.middleware.PermissionsPolicyMiddleware",
    "newsroom.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "newsroom.middleware.PublicInputMiddleware",
    # Old portals' addresses (imports/): answered before the page cache, which keys pages
    # by path alone, can serve or store a retired domain's request.
    "imports.middleware.OldLinksMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "accounts.middleware.SessionRenewalMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The language of a page comes from its address alone: /en/… English, the rest
    # Vietnamese, whatever the browser asks (newsroom/languages.py).
    "newsroom.languages.LanguageFromPathMiddleware",
    # Whole pages for anonymous readers (needs to know the user; see public/pagecache.py).
    "public.pagecache.PublicPageCacheMiddleware",
    # After the page cache: what the limit protects is the work of making a page.
    "newsroom.middleware.RateLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

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
                "public.context_processors.site",
            ],
        },
    },
    {
        # Reader pages (public/templating.py): jinja2/, rendered with ``using="jinja2"``.
        "NAME": "jinja2",
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "public.templating.environment",
            "context_processors": ["public.context_processors.site"],
        },
    },
]

# Widgets render through TEMPLATES, so project templates can define widgets too.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Database: a SQLite file unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("TEST", {})
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A read replica (PostgreSQL streaming replication) for anonymous readers' pages:
# newsroom/replica.py routes reads to it, writes and staff to the primary.
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    if DATABASES["replica"]["ENGINE"] == "django.db.backends.postgresql":
        # A replica that is down must be noticed in seconds, not after a TCP timeout.
        DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
    # Tests read the test database through the replica alias (no second test database).
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["newsroom.replica.ReplicaRouter"]
# Seconds a client that wrote reads the primary (read-your-writes); the replica's largest
# allowed lag in seconds (more, and reads go to the primary); how often each process checks.
DATABASE_REPLICA_PIN_SECONDS = env.int("DATABASE_REPLICA_PIN_SECONDS", default=15)
DATABASE_REPLICA_MAX_LAG = env.float("DATABASE_REPLICA_MAX_LAG", default=5.0)
DATABASE_REPLICA_CHECK_SECONDS = env.float("DATABASE_REPLICA_CHECK_SECONDS", default=2.0)

# Cache: Redis in production (CACHE_URL or REDIS_URL), local memory by default.
_cache_url = env.str("CACHE_URL", default="") or env.str("REDIS_URL", default="")
if _cache_url:
    CACHES = {"default": env.cache_url_config(_cache_url)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHES["default"].setdefault("KEY_PREFIX", env.str("CACHE_KEY_PREFIX", default="newsroom"))
# What a redis:// cache is given: a quarter of a second to connect or answer, and the
# circuit breaker (public/cache_breaker.py): after a failure the cache is skipped for
# CACHE_BREAKER_SECONDS and pages come from the database at full speed.
REDIS_CACHE_OPTIONS = {
    "SOCKET_CONNECT_TIMEOUT": 0.25,
    "SOCKET_TIMEOUT": 0.25,
    "CONNECTION_FACTORY": "public.cache_breaker.BreakerConnectionFactory",
}
CACHE_BREAKER_SECONDS = env.int("CACHE_BREAKER_SECONDS", default=5)
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    CACHES["default"].setdefault("OPTIONS", {}).update(REDIS_CACHE_OPTIONS)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # The lock-outs first (django-axes' and ours, accounts/lockouts.py): a locked log-in is
    # refused before the password is tried.
    "accounts.lockouts.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2id for new passwords; older hashes still verify and are upgraded at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# The staff entry point. Not /admin/: that is the first address every scanner tries.
ADMIN_URL = env.str("ADMIN_URL", default="quan-tri/").strip("/") + "/"
if not re.fullmatch(r"[a-z0-9][a-z0-9/_-]*/", ADMIN_URL):
    raise ImproperlyConfigured(
        f"ADMIN_URL={ADMIN_URL!r}: use lower-case letters, digits and dashes, e.g. quan-tri/"
    )
if ADMIN_URL == "admin/" and not DEBUG:
    raise ImproperlyConfigured("ADMIN_URL must not be admin/ in production: choose another path.")

# Two-factor authentication (TOTP + recovery codes, django-otp). "privileged": approvers
# and administrators must use it; "all": every staff member; "none": nobody (DEBUG only,
# for the demo). Anyone who has enrolled is always asked for the code.
TWO_FACTOR_REQUIRED = env.str("TWO_FACTOR_REQUIRED", default="privileged")
if TWO_FACTOR_REQUIRED not in {"privileged", "all", "none"}:
    raise ImproperlyConfigured(
        f"TWO_FACTOR_REQUIRED={TWO_FACTOR_REQUIRED!r}: use privileged, all or none."
    )
if TWO_FACTOR_REQUIRED == "none" and not DEBUG:
    raise ImproperlyConfigured("TWO_FACTOR_REQUIRED=none is only allowed with DEBUG on.")
OTP_TOTP_ISSUER = SITE_NAME
# Recovery codes given at enrolment (django-otp static tokens, each works once).
TWO_FACTOR_RECOVERY_CODES = 10

# Log-in throttling (django-axes and accounts/lockouts.py): LOGIN_FAILURE_LIMIT failures
# for one account from one address lock that account at that address only; failures for
# one account from everywhere (LOGIN_ACCOUNT_FAILURE_LIMIT) hold it at addresses it has
# not logged in from; failures from one address over any accounts
# (LOGIN_ADDRESS_FAILURE_LIMIT) lock that address. Each lock lasts LOGIN_COOLOFF_MINUTES
# from the failure that set it: attempts during a lock are refused without being counted.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
LOGIN_ACCOUNT_FAILURE_LIMIT = env.int("LOGIN_ACCOUNT_FAILURE_LIMIT", default=20)
LOGIN_ADDRESS_FAILURE_LIMIT = env.int("LOGIN_ADDRESS_FAILURE_LIMIT", default=20)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "newsroom.client_ip.client_ip"
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token"]

# Staff sessions end after this much idle time (each request renews them) and whenever
# the password changes (Django's session auth hash).
STAFF_SESSION_IDLE_HOURS = env.int("STAFF_SESSION_IDLE_HOURS", default=8)
SESSION_COOKIE_AGE = STAFF_SESSION_IDLE_HOURS * 3600
# Renewed by accounts.middleware.SessionRenewalMiddleware (at most every 5 minutes).
SESSION_SAVE_EVERY_REQUEST = False

# Vietnamese first: language, time zone and number formats (see newsroom/formats/vi).
LANGUAGE_CODE = "vi"
# Vietnamese for readers and staff alike, whatever the browser asks for; English only for
# the pages under /en/ (newsroom/languages.py). English strings are the source strings.
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["newsroom.formats"]

# Static files (whitenoise) and uploads.
STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploads in an S3-compatible bucket when MEDIA_S3_BUCKET names one (newsroom/storage.py,
# docs/scaling.md); credentials come from boto3's own AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
MEDIA_S3_BUCKET = env.str("MEDIA_S3_BUCKET", default="")
# Let Django serve uploads itself (development); in production nginx serves MEDIA_ROOT.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG and not MEDIA_S3_BUCKET)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# CKEditor 5 in the article form: what a newsroom needs, nothing that embeds raw HTML.
# The server sanitises every saved body anyway (articles/body.py).
CKEDITOR_5_CONFIGS = {
    "article": {
        "language": "vi",
        "toolbar": {
            "items": [
                "heading", "|", "bold", "italic", "link", "|",
                "bulletedList", "numberedList", "blockQuote", "insertTable", "|",
                "imageUpload", "|", "undo", "redo",
            ],
            "shouldNotGroupWhenFull": True,
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": _("Paragraph")},
                {"model": "heading2", "view": "h2", "title": _("Sub-heading")},
                {"model": "heading3", "view": "h3", "title": _("Minor heading")},
            ]
        },
        "image": {"toolbar": ["toggleImageCaption", "imageTextAlternative"]},
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "link": {"defaultProtocol": "https://"},
        # The GPL licence's "powered by" badge stays (docs/editors-guide.md); only its
        # English words go: the logo alone is shown.
        "ui": {"poweredBy": {"label": ""}},
        "removePlugins": [
            "SourceEditing", "GeneralHtmlSupport", "FullPage", "HtmlEmbed", "MediaEmbed",
            "Markdown", "Style", "Font", "Highlight", "CodeBlock", "Code", "TodoList", "Mention",
        ],
    },
}  # fmt: skip
# Introduction and English pages: text, headings, lists, tables and links; no uploads.
CKEDITOR_5_CONFIGS["page"] = {
    **CKEDITOR_5_CONFIGS["article"],
    "toolbar": {
        "items": [
            "heading", "|", "bold", "italic", "link", "|",
            "bulletedList", "numberedList", "blockQuote", "insertTable", "|", "undo", "redo",
        ],
        "shouldNotGroupWhenFull": True,
    },
}  # fmt: skip
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "admin:articles_article_editor_upload"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "png", "webp", "gif"]

# Two-person rule: nobody approves an article they wrote.
TWO_PERSON_APPROVAL = env.bool("TWO_PERSON_APPROVAL", default=True)

# Largest image the library accepts, in bytes (issue: photos of 8 MB are common).
IMAGE_MAX_BYTES = env.int("IMAGE_MAX_BYTES", default=25 * 1024 * 1024)
# Largest image in pixels: anything bigger is treated as a decompression bomb.
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=50_000_000)

# Imports of old portals (imports/, docs/migration.md): where their CSV reports and logs go
# and where archives uploaded in the admin are kept (both outside MEDIA_ROOT: never served);
# the admin may also read an archive, a mapping file or an uploads folder already on the
# server, from these folders only.
IMPORT_REPORT_DIR = env.str("IMPORT_REPORT_DIR", default=str(BASE_DIR / "import-reports"))
IMPORT_UPLOAD_DIR = env.str("IMPORT_UPLOAD_DIR", default=str(BASE_DIR / "import-uploads"))
IMPORT_ALLOWED_DIRS = [
    str(Path(p).resolve()) for p in env.list("IMPORT_ALLOWED_DIRS", default=[]) if p.strip()
]
# Largest archive the admin accepts as an upload (a bigger one is copied to the server).
IMPORT_UPLOAD_MAX_BYTES = env.int("IMPORT_UPLOAD_MAX_BYTES", default=500 * 1024 * 1024)
# Keep each untouched upload (with its GPS and camera data) in a private folder outside
# MEDIA_ROOT, for investigators; empty (the default) keeps only the cleaned copy.
IMAGE_PRIVATE_ORIGINALS_ROOT = env.str("IMAGE_PRIVATE_ORIGINALS_ROOT", default="")
if IMAGE_PRIVATE_ORIGINALS_ROOT and Path(IMAGE_PRIVATE_ORIGINALS_ROOT).resolve().is_relative_to(
    Path(MEDIA_ROOT).resolve()
):
    raise ImproperlyConfigured(
        "IMAGE_PRIVATE_ORIGINALS_ROOT must be outside MEDIA_ROOT: the originals carry GPS."
    )
if MEDIA_S3_BUCKET:
    _media_storages, MEDIA_URL = s3_storages(
        bucket=MEDIA_S3_BUCKET,
        # Any S3-compatible store (MinIO, Ceph, a provider's); empty = AWS itself.
        endpoint_url=env.str("MEDIA_S3_ENDPOINT_URL", default=""),
        region=env.str("MEDIA_S3_REGION", default="us-east-1"),
        # The CDN host readers get photos from, e.g. https://anh.congan.example.vn
        cdn_url=env.str("MEDIA_CDN_URL", default=""),
        # "" when the bucket's policy, not object ACLs, makes photos public.
        public_acl=env.str("MEDIA_S3_PUBLIC_ACL", default="public-read"),
        # Untouched uploads, private in the bucket under originals/ (signed addresses only).
        keep_originals=env.bool("IMAGE_KEEP_ORIGINALS", default=False),
    )
    STORAGES.update(_media_storages)
# Encoder qualities: the cleaned full-size copy, and the renditions readers get.
IMAGE_ORIGINAL_QUALITY = env.int("IMAGE_ORIGINAL_QUALITY", default=90)
IMAGE_JPEG_QUALITY = env.int("IMAGE_JPEG_QUALITY", default=82)
IMAGE_WEBP_QUALITY = env.int("IMAGE_WEBP_QUALITY", default=78)
FILE_UPLOAD_PERMISSIONS = 0o644
# Largest file attached to a legal document (PDF, DOCX), in bytes.
DOCUMENT_MAX_BYTES = env.int("DOCUMENT_MAX_BYTES", default=25 * 1024 * 1024)

# Public site: page views are buffered and written in bulk at most this often (seconds;
# 0 = only by `manage.py flush_views`). See public/pageviews.py.
VIEWS_FLUSH_SECONDS = env.int("VIEWS_FLUSH_SECONDS", default=60)
# Public pages for anonymous readers are kept whole in the cache for this long (seconds;
# 0 = off), and forgotten at once when content changes (public/pagecache.py). What
# changes by itself — "most read", the date in the top bar — is at most this old.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=120)
# Parts of pages (an article's, a list page's, a search's, the home page's body, each with
# the site's header and footer) are kept under the same content version for this long
# (seconds; 0 = off): what a page cache miss does not redo.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=60)
# nginx keeps anonymous pages this long in front of Django (X-Accel-Expires; 0 = never):
# a published or changed article is on every page within this many seconds.
PROXY_CACHE_SECONDS = env.int("PROXY_CACHE_SECONDS", default=5)
# The edge: cache tags, purgers, what a proxy or CDN may keep (docs/caching.md).
# Which purger a change goes to: none, varnish, nginx, cloudflare, cloudfront, fastly.
CACHE_PURGER = env.str("CACHE_PURGER", default="none")
if CACHE_PURGER not in {"none", "varnish", "nginx", "cloudflare", "cloudfront", "fastly"}:
    raise ImproperlyConfigured(
        f"CACHE_PURGER={CACHE_PURGER!r}: use none, varnish, nginx, cloudflare, cloudfront "
        "or fastly."
    )
# How long the proxy or CDN keeps an anonymous page (s-maxage, X-Accel-Expires): without a
# purger the micro-cache's PROXY_CACHE_SECONDS; with one, half an hour (a change purges it).
EDGE_CACHE_SECONDS = env.int(
    "EDGE_CACHE_SECONDS", default=PROXY_CACHE_SECONDS if CACHE_PURGER == "none" else 1800
)
# What the edge may serve while it refreshes a page, and while the app fails (seconds).
EDGE_STALE_WHILE_REVALIDATE = env.int("EDGE_STALE_WHILE_REVALIDATE", default=30)
EDGE_STALE_IF_ERROR = env.int("EDGE_STALE_IF_ERROR", default=6 * 3600)
# Browsers revalidate pages every time by default (max-age).
BROWSER_CACHE_SECONDS = env.int("BROWSER_CACHE_SECONDS", default=0)
# The response headers carrying the tags: Cloudflare's Cache-Tag, Fastly's Surrogate-Key,
# Varnish's xkey; the shipped proxies strip them before the reader.
CACHE_TAG_HEADERS = env.list("CACHE_TAG_HEADERS", default=["Cache-Tag", "Surrogate-Key", "xkey"])
CACHE_TAG_LIMIT = env.int("CACHE_TAG_LIMIT", default=50)
if CACHE_TAG_LIMIT < 10:  # room for a page's lists and each kind's fallback tag
    raise ImproperlyConfigured(f"CACHE_TAG_LIMIT={CACHE_TAG_LIMIT}: at least 10.")
# Prepended to every tag: two sites on one CDN account purge only their own pages.
CACHE_TAG_PREFIX = env.str("CACHE_TAG_PREFIX", default="")
# Where the purgers send: the Varnish or nginx address(es) (comma-separated), the public
# site's address (URL purges), and the SaaS accounts.
PURGE_PROXY_URLS = env.list("PURGE_PROXY_URLS", default=[])
PURGE_SITE_URL = env.str("PURGE_SITE_URL", default="")
PURGE_SOFT = env.bool("PURGE_SOFT", default=True)
PURGE_BATCH_SIZE = env.int("PURGE_BATCH_SIZE", default=30)
PURGE_MAX_ATTEMPTS = env.int("PURGE_MAX_ATTEMPTS", default=8)
PURGE_TIMEOUT_SECONDS = env.float("PURGE_TIMEOUT_SECONDS", default=5.0)
CLOUDFLARE_ZONE_ID = env.str("CLOUDFLARE_ZONE_ID", default="")
CLOUDFLARE_API_TOKEN = env.str("CLOUDFLARE_API_TOKEN", default="")
CLOUDFLARE_API_URL = env.str("CLOUDFLARE_API_URL", default="https://api.cloudflare.com/client/v4")
FASTLY_SERVICE_ID = env.str("FASTLY_SERVICE_ID", default="")
FASTLY_API_TOKEN = env.str("FASTLY_API_TOKEN", default="")
FASTLY_API_URL = env.str("FASTLY_API_URL", default="https://api.fastly.com")
CLOUDFRONT_DISTRIBUTION_ID = env.str("CLOUDFRONT_DISTRIBUTION_ID", default="")
CLOUDFRONT_API_URL = env.str("CLOUDFRONT_API_URL", default="")
# Publisher logo for JSON-LD and social cards (a static file path).
SITE_LOGO = env.str("SITE_LOGO", default="img/logo.png")

# Email.
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
ADMINS = [("Admin", a) for a in env.list("ADMINS", default=[])]

# Security: everything strict once DEBUG is off. Behind a TLS-terminating proxy that
# already redirects and sends HSTS, SECURE_SSL_REDIRECT / SECURE_HSTS_SECONDS can be 0.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Preloading HSTS is a near-irreversible promise for the whole domain and its
# subdomains: the operator opts in; until then `check --deploy` stays quiet about it.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
if env.bool("USE_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "newsroom.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features the site never uses (newsroom/middleware.py sends the header).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
    "interest-cohort=(), browsing-topics=()"
)

# Content-Security-Policy (django-csp 4): our own origin only; inline script or style
# only with the per-response nonce. The admin gets a laxer style-src, see
# newsroom/middleware.py (ContentSecurityPolicyMiddleware).
_NONE, _SELF, _NONCE = "'none'", "'self'", csp_constants.NONCE
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF, _NONCE],
        "style-src": [_SELF, _NONCE],
        "img-src": [_SELF],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "media-src": [_SELF],
        "object-src": [_NONE],
        # The document page shows its PDF in a frame (from this site only); every page
        # of the site still refuses to be framed (frame-ancestors below).
        "frame-src": [_SELF],
        "worker-src": [_SELF],
        "base-uri": [_SELF],
        "form-action": [_SELF],
        "frame-ancestors": [_NONE],
    }
}

# Who the client is, behind TRUSTED_PROXY_COUNT reverse proxies that each append to
# X-Forwarded-For (nginx, and the TLS proxy in front of it). 0: use the socket address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Public input: the longest search query kept, and per-address rate limits on the
# expensive public URLs (search, feeds): "<requests>/<s|m|h>".
SEARCH_QUERY_MAX_LENGTH = env.int("SEARCH_QUERY_MAX_LENGTH", default=200)
PUBLIC_RATE_LIMIT = env.str("PUBLIC_RATE_LIMIT", default="60/m")
if not re.fullmatch(r"\d+/[smh]", PUBLIC_RATE_LIMIT):
    raise ImproperlyConfigured(
        f"PUBLIC_RATE_LIMIT={PUBLIC_RATE_LIMIT!r}: write it as requests/period, e.g. 60/m."
    )
# The public API (/api/v1/): per address for anonymous clients; partner keys have their
# own quota (set per key at the desk).
API_RATE_LIMIT = env.str("API_RATE_LIMIT", default="120/m")
if not re.fullmatch(r"\d+/[smh]", API_RATE_LIMIT):
    raise ImproperlyConfigured(
        f"API_RATE_LIMIT={API_RATE_LIMIT!r}: write it as requests/period, e.g. 120/m."
    )
# CORS (django-cors-headers): any site may read the API and the JSON feeds, GET only,
# without cookies; the caching and paging headers are readable by scripts.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api/.*|(.*/)?feed\.json)$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("x-api-key", "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Link", "Retry-After")
CORS_PREFLIGHT_MAX_AGE = 86400
RATE_LIMITED_PATHS = env.list(
    "RATE_LIMITED_PATHS", default=["/rss/", "/tim-kiem/", "/truy-na/tra-cuu/"]
)
# Public forms (the questions of Hỏi đáp): what is sent to these paths, per address,
# "<posts>/<s|m|h>"; more is refused with a Vietnamese 429 page.
FORM_RATE_LIMIT = env.str("FORM_RATE_LIMIT", default="5/h")
if not re.fullmatch(r"\d+/[smh]", FORM_RATE_LIMIT):
    raise ImproperlyConfigured(
        f"FORM_RATE_LIMIT={FORM_RATE_LIMIT!r}: write it as requests/period, e.g. 5/h."
    )
RATE_LIMITED_FORMS = env.list("RATE_LIMITED_FORMS", default=["/hoi-dap/dat-cau-hoi/"])
# The names and contacts askers give are deleted this many days after their question came
# in (``manage.py erase_asker_data``, daily); questions never published are deleted whole.
QUESTION_PERSONAL_DATA_DAYS = env.int("QUESTION_PERSONAL_DATA_DAYS", default=180)

# Wanted notices still published after this many months (since publication or the last
# review) are listed for the staff to review: is the person still wanted?
NOTICE_REVIEW_MONTHS = env.int("NOTICE_REVIEW_MONTHS", default=6)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Errors (with their tracebacks) go here, never to the visitor.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
