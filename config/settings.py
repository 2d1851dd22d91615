"""Settings for Civic Accelerator, read from the environment.

With nothing set this is the embedded default: SQLite, Celery tasks run eagerly, e-mail
printed to the console and files on local disk. ``DJANGO_PRODUCTION=1`` switches on the
production hardening (HTTPS-only cookies, HSTS, MFA required for staff and coaches).
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

PRODUCTION = env.bool("DJANGO_PRODUCTION", default=False)
DEBUG = env.bool("DEBUG", default=not PRODUCTION)
SECRET_KEY = env(
    "SECRET_KEY",
    default="" if PRODUCTION else "insecure-local-development-key-never-use-in-production",
)
if PRODUCTION and not SECRET_KEY:
    raise environ.ImproperlyConfigured("Set SECRET_KEY in production.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["*"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "common.admin_site.CivicAdminConfig",  # django.contrib.admin, common/admin_site.py
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "django_countries",
    "simple_history",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # The project's apps, bottom layer first (see CONTRIBUTING.md).
    "common",
    "caching",
    "accounts",
    "cities",
    "cohorts",
    "curriculum",
    "schedule",
    "assignments",
    "applications",
    "reviews",
    "coaching",
    "showcases",
    "strategy",
    "notifications",
    "announcements",
    "feedback",
    "followon",
    "assessment",
    "stewardship",
    "dashboards",
    "audit",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "common.request_limits.RequestSizeLimitMiddleware",  # 413 before anything reads a body
    "common.nul_bytes.NulByteMiddleware",  # 404/400 before a NUL reaches a query
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.UserPreferencesMiddleware",
    "accounts.middleware.RequireMFAMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "cities.middleware.CityTenancyMiddleware",
]

if PRODUCTION:  # static files come from collectstatic; runserver serves them locally
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

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
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cities.context_processors.portal",
                "notifications.context_processors.inbox",
            ],
            # machine_time: the one filter for <time datetime="…"> values; number_inputs: the
            # number widget's template (templates/django/forms/widgets/number.html).
            "libraries": {"machine_time": "common.machine_time",
                          "number_inputs": "common.number_inputs"},
        },
    },
    {
        # Plain text (e-mail subjects and text bodies, notifications/rendering.py): the same
        # templates, never HTML-escaped, so "O'Brien & Sons" is not "O&#x27;Brien &amp; Sons".
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# Widget templates are looked up like any other template, so the project may override one
# (templates/admin/widgets/split_datetime.html labels the admin's date and time inputs).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # A database that does not answer fails the request (and /healthz) quickly.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 24 * 14)

# --- django-allauth: e-mail login, verification, sign-up by invitation, TOTP MFA ---
ACCOUNT_ADAPTER = "accounts.adapters.InvitationOnlyAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True  # an applicant goes straight back to their draft
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
# One source of truth for the client's address (accounts/client_ip.py): how many proxies of
# ours append to X-Forwarded-For (0 = believe only REMOTE_ADDR), or the header a proxy of
# ours writes the client into. allauth and DRF are given the same values.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
TRUSTED_CLIENT_IP_HEADER = env("TRUSTED_CLIENT_IP_HEADER", default=None)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = TRUSTED_CLIENT_IP_HEADER
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Civic Accelerator"
# Staff and coaches must set up TOTP before they can use the product. On in production,
# off in the local demo so that the demo logins work.
CIVIC_REQUIRE_MFA = env.bool("CIVIC_REQUIRE_MFA", default=PRODUCTION)

# --- Internationalisation ---
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish")), ("pt-br", _("Portuguese (Brazil)"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ---
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media/"  # never served directly: files go through permission-checked views
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- Cache, Celery and mail ---
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    # An unreachable Redis is a cache miss, not an error page (caching/cache.py).
    CACHES = {"default": {"BACKEND": "caching.cache.ResilientRedisCache",
                          "LOCATION": REDIS_URL,
                          "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2}}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A task whose worker died unacknowledged goes back to the queue after this many seconds.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    # How often (seconds) a worker looks for such tasks; kombu's default looks every ~100 s.
    "unacked_restore_interval": env.int("CELERY_RESTORE_INTERVAL", default=60),
    "unacked_restore_throttle": 1,
}
# Nothing waits for task results; a result backend that is down would otherwise hold each
# .delay() for 20 s and then refuse to work until the process restarts (docs/reliability.md).
CELERY_TASK_IGNORE_RESULT = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = "UTC"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# First retry of an e-mail after a temporary SMTP failure; doubles each time (outbox.py).
EMAIL_RETRY_BACKOFF_SECONDS = env.int("EMAIL_RETRY_BACKOFF_SECONDS", default=30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Civic Accelerator <noreply@civic.test>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- REST API ---
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [  # both refuse who must but has not set up MFA
        "accounts.authentication.TokenAuthentication",
        "accounts.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The API reads JSON bodies only (a file upload declares multipart on its own action),
    # so the schema offers one media type per body and generated clients stay simple; the
    # JSON is depth-limited, finite numbers only, an object (common/inputs.py).
    "DEFAULT_PARSER_CLASSES": ["common.api_inputs.JSONParser"],
    "EXCEPTION_HANDLER": "common.api.json_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [  # keyed on accounts.client_ip, never a spoofed header
        "accounts.throttles.AnonRateThrottle",
        "accounts.throttles.UserRateThrottle",
    ],
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="60/minute"),
        "user": env("API_THROTTLE_USER", default="1200/minute"),
        "token": env("API_THROTTLE_TOKEN", default="10/minute"),
    },
}
if PRODUCTION:  # no browsable API (its forms list related rows): JSON only
    REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"] = ["rest_framework.renderers.JSONRenderer"]
SPECTACULAR_SETTINGS = {
    "TITLE": "Civic Accelerator API",
    "DESCRIPTION": "Cohorts, applications and each city's sessions, hours, coaching, "
    "showcases and strategy. A city you may not see answers 404.",
    "VERSION": "1.0.0",
    "LICENSE": {"name": "Proprietary: for the program's cities, coaches and staff"},
    # The API is served by the site itself: paths are relative to wherever it runs.
    "SERVERS": [{"url": "/", "description": "This site"}],
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI served from our own static files, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Every operation documents its error answers too (common/openapi.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "common.openapi.document_errors",
        "common.openapi.type_nullables",
    ],
}

# --- Security ---
# Content Security Policy: only our own scripts and styles, no inline script anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- Logging: one JSON object per line in production, readable lines locally ---
LOG_FORMAT = env("LOG_FORMAT", default="json" if PRODUCTION else "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

DEMO_PASSWORD = env("DEMO_PASSWORD", default="accelerate-demo")

# --- Showcases: evidence files (checked by content) may be at most this large ---
SHOWCASE_EVIDENCE_MAX_BYTES = env.int("SHOWCASE_EVIDENCE_MAX_BYTES", default=10 * 1024 * 1024)
ASSESSMENT_EVIDENCE_MAX_BYTES = env.int("ASSESSMENT_EVIDENCE_MAX_BYTES",
                                        default=10 * 1024 * 1024)

# --- Coaching: call transcripts (private to the coach and staff) are deleted this many days
# after their upload; an upload may be at most this large ---
TRANSCRIPT_RETENTION_DAYS = env.int("TRANSCRIPT_RETENTION_DAYS", default=30)
TRANSCRIPT_MAX_BYTES = env.int("TRANSCRIPT_MAX_BYTES", default=2 * 1024 * 1024)

# --- cities: applications ---
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["eligibility"] = env(
    "API_THROTTLE_ELIGIBILITY", default="120/minute"
)

# --- coaching ---
SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {}).update({
    "RagEnum": "coaching.models.Rag",
    "CheckInStatusEnum": "coaching.models.CheckInStatus",
    "ActionItemStatusEnum": "coaching.models.ActionItemStatus",
    "ApplicationStateEnum": "applications.models.ApplicationState",
    "ShowcaseStateEnum": "showcases.models.State",
    "StrategyStateEnum": "strategy.models.StrategyState",
    "DocumentStatusEnum": "strategy.models.DocumentStatus",
    "DocumentKindEnum": "strategy.models.DocumentKind",
    "SessionKindEnum": "schedule.models.SessionKind",
    "FileOrLinkEnum": "assignments.models.AttachmentKind",
    "AssessmentKindEnum": "assessment.models.Kind",
    "InitiativeStatusEnum": "strategy.models.InitiativeStatus",
})
