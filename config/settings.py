"""Summitry settings, read from the environment (see .env.example).

With nothing set, the app runs for local use: SQLite, DEBUG on, and ingest tasks run
in-process. With DATABASE_URL and CELERY_BROKER_URL it runs on PostgreSQL and Redis
with real workers, the production shape.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str
from config.proxies import trusted_networks

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-not-for-production-use-0123456789abcdef"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "kb",
    "ingest",
    "api",
    "web",
]

MIDDLEWARE = [
    # First: settles the client's address and drops forwarded headers no trusted proxy sent.
    "config.proxies.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.RejectNullCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # After authentication: editors read the knowledge base fresh (kb.changes).
    "config.middleware.FreshReadsMiddleware",
    # Last: answers a throttled log-in with 429 (config.login_throttle).
    "config.login_throttle.LoginThrottleMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        # A persistent connection is checked before reuse, so a database restart costs
        # one reconnect instead of an error on the next request or task.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Front-end packages from npm (package.json, package-lock.json), installed into node_modules
# by `make install` and the Docker build, and served as static files like our own (the
# network's graph library); the world map is drawn on the server from Natural Earth's
# countries as the `world-atlas` package publishes them.
NODE_MODULES = Path(env_str("NODE_MODULES", str(BASE_DIR / "node_modules")))
WORLD_ATLAS_PATH = NODE_MODULES / "world-atlas" / "countries-110m.json"
STATICFILES_DIRS = [BASE_DIR / "static"] + [
    (prefix, path)
    for prefix, path in (("vendor/cytoscape", NODE_MODULES / "cytoscape" / "dist"),)
    if path.is_dir()  # without `make install` the network is its table of links
]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Uploads: refuse anything larger before it is stored.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Fetching a URL upload from loopback or private networks is refused unless allowed.
INGEST_ALLOW_PRIVATE_URLS = env_bool("INGEST_ALLOW_PRIVATE_URLS", False)

# Celery. Without a broker, tasks run eagerly (in-process) so a newcomer needs nothing else.
CELERY_TASK_ALWAYS_EAGER = not env_str("CELERY_BROKER_URL")
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or "memory://"
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "summitry")
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("INGEST_TASK_TIME_LIMIT", 300)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 30
# Redis redelivers an unacknowledged task after this; keep it above the longest task.
# When a worker's main process dies, its unacknowledged tasks come back only after this
# many seconds; tests that kill workers set it small.
CELERY_VISIBILITY_TIMEOUT = env_int("CELERY_VISIBILITY_TIMEOUT", CELERY_TASK_TIME_LIMIT * 4)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    # Look for such tasks every few seconds (kombu's default is every ~100 s).
    "unacked_restore_interval": min(10, max(1, CELERY_VISIBILITY_TIMEOUT // 3)),
    "unacked_restore_throttle": 1,
    "socket_keepalive": True,
}
# Keep trying the broker for ever, at start-up and after it goes away.
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# A pool process whose resident memory passes this (KiB) is replaced after its task.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env_int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", 1_500_000)
CELERY_WORKER_MAX_TASKS_PER_CHILD = env_int("CELERY_WORKER_MAX_TASKS_PER_CHILD", 1000)
# The sweep that re-queues articles orphaned by a dead worker (run by `celery beat`).
INGEST_SWEEP_SECONDS = env_int("INGEST_SWEEP_SECONDS", 300)
# The most articles one .zip or .jsonl file on the upload page may hold (the rest are
# refused with the reason; `manage.py ingest` takes archives of any size).
UPLOAD_ARCHIVE_MAX_ITEMS = env_int("UPLOAD_ARCHIVE_MAX_ITEMS", 500)
# News feeds (ingest.feeds): beat looks for feeds due every FEEDS_BEAT_SECONDS; each is
# polled every FEEDS_POLL_SECONDS, and after failures in a row the wait doubles up to
# FEEDS_MAX_BACKOFF_SECONDS. A poll reads at most FEEDS_MAX_BYTES of the feed and queues
# at most FEEDS_MAX_ITEMS items; a beat tick polls at most FEEDS_PER_RUN feeds.
FEEDS_BEAT_SECONDS = env_int("FEEDS_BEAT_SECONDS", 60)
FEEDS_POLL_SECONDS = env_int("FEEDS_POLL_SECONDS", 900)
FEEDS_MAX_BACKOFF_SECONDS = env_int("FEEDS_MAX_BACKOFF_SECONDS", 24 * 3600)
FEEDS_MAX_BYTES = env_int("FEEDS_MAX_BYTES", 2 * 1024 * 1024)
FEEDS_MAX_ITEMS = env_int("FEEDS_MAX_ITEMS", 100)
FEEDS_PER_RUN = env_int("FEEDS_PER_RUN", 50)
CELERY_BEAT_SCHEDULE = {
    "requeue-stuck-articles": {
        "task": "ingest.tasks.requeue_stuck_articles",
        "schedule": float(INGEST_SWEEP_SECONDS),
    },
    "poll-feeds": {"task": "ingest.tasks.poll_feeds", "schedule": float(FEEDS_BEAT_SECONDS)},
}
# An article left in "processing" (or queued) longer than this is taken to be orphaned.
INGEST_STUCK_AFTER_SECONDS = env_int("INGEST_STUCK_AFTER_SECONDS", CELERY_TASK_TIME_LIMIT * 2)
# Articles given as a URL are fetched by the worker, within these bounds.
INGEST_FETCH_TIMEOUT = env_int("INGEST_FETCH_TIMEOUT", 15)
# Longest article text (characters) that is read; longer uploads are refused with a reason.
INGEST_MAX_TEXT_CHARS = env_int("INGEST_MAX_TEXT_CHARS", 1_000_000)
# PDFs (read by the worker, not the upload request): at most this many pages, and this
# many seconds of reading; a PDF over either fails with the reason.
INGEST_MAX_PDF_PAGES = env_int("INGEST_MAX_PDF_PAGES", 200)
INGEST_MAX_PDF_SECONDS = env_int("INGEST_MAX_PDF_SECONDS", 20)
# The work one article may cost; over a limit it fails at once with the reason (split it).
# Sentences: a long report has a few hundred. Facts: meetings, gifts and agreements found.
INGEST_MAX_SENTENCES = env_int("INGEST_MAX_SENTENCES", 1500)
INGEST_MAX_FACTS = env_int("INGEST_MAX_FACTS", 500)
# Seconds of extraction (parse and rules), well inside the task's own time limit.
INGEST_MAX_SECONDS = env_int("INGEST_MAX_SECONDS", min(120, CELERY_TASK_TIME_LIMIT // 2))

# Pages: anonymous visitors may read unless an organisation turns it off.
SUMMITRY_ANONYMOUS_READ = env_bool("SUMMITRY_ANONYMOUS_READ", True)

# Meetings: "rules" (the rules alone), "model" (the held-meeting classifier in
# ingest/meeting_clf drops candidates it reads as not held) or "both" (it vetoes only
# those it is sure of, and scales their confidence). See ingest.extract.classifier.
SUMMITRY_MEETING_MODEL = env_str("SUMMITRY_MEETING_MODEL", "rules").strip().lower()
if SUMMITRY_MEETING_MODEL not in ("rules", "model", "both"):
    raise ImproperlyConfigured("SUMMITRY_MEETING_MODEL must be rules, model or both")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiAutoSchema",
    # Service tokens first: an anonymous write is 401 with WWW-Authenticate: Token.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.ReadOrEditorWrite"],
    # JSON nested deeper than any request needs is refused (400), never a RecursionError.
    "DEFAULT_PARSER_CLASSES": [
        "api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttling.AnonThrottle",
        "api.throttling.TokenOrUserThrottle",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "api.ordering.StableOrdering",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
    # The client's address is REMOTE_ADDR, which config.proxies settles (TRUSTED_PROXIES).
    "NUM_PROXIES": 0,
}
# API rate limits ("N/second|minute|hour|day"; empty turns one off), per anonymous address
# and per token (or signed-in user). Read on every request (api.throttling).
# A shared cache (Redis) makes API and log-in throttling hold across gunicorn
# workers and hosts; without CACHE_URL each process keeps its own counters.
CACHE_URL = env_str("CACHE_URL")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Read results cached until the next write to what they show (kb.changes), and at most
# this long.
KB_CACHE_SECONDS = env_int("KB_CACHE_SECONDS", 300)
# After such a write, readers other than editors may still be shown the previous result
# for this long after it was computed, while one of them computes the new one (0: never).
KB_STALE_SECONDS = env_int("KB_STALE_SECONDS", 5)

API_THROTTLE_RATES = {
    "anon": env_str("API_THROTTLE_ANON", "120/minute") or None,
    "user": env_str("API_THROTTLE_USER", "1200/minute") or None,
}
# How long a new API token works, in days: the default and the longest a token may be
# given (``manage.py create_api_token --days``, the admin). An expired token is 401.
API_TOKEN_LIFETIME_DAYS = env_int("API_TOKEN_LIFETIME_DAYS", 90)
if API_TOKEN_LIFETIME_DAYS < 1:
    raise ImproperlyConfigured("API_TOKEN_LIFETIME_DAYS must be a whole number of days, 1 or more.")
SPECTACULAR_SETTINGS = {
    "TITLE": "Summitry API",
    "DESCRIPTION": (
        "Diplomatic meetings, gifts and agreements extracted from news, with evidence. "
        "Errors always have the shape `Error`. See README.md, section API."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    "COMPONENT_SPLIT_REQUEST": True,
    "RENDERER_WHITELIST": ["rest_framework.renderers.JSONRenderer"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Content-Security-Policy (django-csp): everything from this origin only; no inline
# script or style anywhere, so none is allowed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Log-in throttling (config.login_throttle; README, "Signing in"): after the free failures
# on an account, or from an address, each further attempt waits 1 s after the last failure,
# doubling up to LOGIN_MAX_DELAY_SECONDS; a browser that signed in to the account before
# counts only its own failures. Failures are forgotten a window after the last one (a day
# for an account, an hour for an address).
AUTHENTICATION_BACKENDS = ["config.login_throttle.ThrottledModelBackend"]
LOGIN_THROTTLE_ENABLED = env_bool("LOGIN_THROTTLE_ENABLED", True)
LOGIN_FREE_FAILURES_PER_ACCOUNT = env_int("LOGIN_FREE_FAILURES_PER_ACCOUNT", 5)
LOGIN_FREE_FAILURES_PER_ADDRESS = env_int("LOGIN_FREE_FAILURES_PER_ADDRESS", 10)
LOGIN_MAX_DELAY_SECONDS = env_int("LOGIN_MAX_DELAY_SECONDS", 900)
LOGIN_ACCOUNT_WINDOW_SECONDS = env_int("LOGIN_ACCOUNT_WINDOW_SECONDS", 86_400)
LOGIN_ADDRESS_WINDOW_SECONDS = env_int("LOGIN_ADDRESS_WINDOW_SECONDS", 3600)
LOGIN_DEVICE_DAYS = env_int("LOGIN_DEVICE_DAYS", 365)

# Reverse proxies (config.proxies): X-Forwarded-For and X-Forwarded-Proto are believed
# only from these addresses or networks. None by default: docker-compose exposes gunicorn
# directly, and there a client could write either header. config/gunicorn.py reads it too.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
trusted_networks(TRUSTED_PROXIES)  # an address that cannot be parsed stops start-up
if env_str("API_NUM_PROXIES"):
    raise ImproperlyConfigured(
        "API_NUM_PROXIES is no longer read, since it believed X-Forwarded-For from anyone: "
        "set TRUSTED_PROXIES to your proxies' addresses or networks instead."
    )
# Only a trusted proxy's header reaches here (the middleware drops the others).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXIES else None

# Production hardening: on whenever DEBUG is off.
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Django's default logging gives the "django" logger its own console handler (under
    # DEBUG) and lets it propagate to the root as well, so every request warning was
    # printed twice. One handler, the root's, prints everything once.
    "loggers": {
        "django": {"handlers": [], "level": env_str("LOG_LEVEL", "INFO"), "propagate": True}
    },
}
