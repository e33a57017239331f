"""Settings shared by every environment; deployment values come from the environment."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# This project's own apps; `seed_demo` runs each one's demo.seed() in this order.
PROJECT_APPS = [
    "lms",
    "courses",
    "quizzes",
    "mentoring",
    "certificates",
    "cashbook",
    "credit",
    "outcomes",
    "reports",
    "privacy",
    "onboarding",
]

INSTALLED_APPS = [
    *PROJECT_APPS,
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "axes",
    "django_ratelimit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "lms.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "lms.middleware.Utf8OnlyMiddleware",
    "lms.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "lms.middleware.PasswordChangeRequiredMiddleware",  # After auth and messages.
    "privacy.middleware.NoticeConsentMiddleware",  # After the password change.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "axes.middleware.AxesMiddleware",  # Last, as django-axes asks.
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

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
                "django.template.context_processors.i18n",
                "lms.context_processors.language_switch",
                "lms.context_processors.tree_version",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles the reports' queries for longer than they take to run
    # (0.3 s of a 0.5 s query with 50,000 learners); every query here is short.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run`: simultaneous writes (a class submitting one quiz) wait their turn instead of
    # failing with "database is locked". WAL lets pages be read while a write commits; an
    # immediate transaction takes the write lock at BEGIN, so two transactions that read first
    # never deadlock on upgrading; the busy timeout (seconds) is how long a write waits for it.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": env.cache("REDIS_URL", default="locmemcache://"),
    # HTML that is a function of its key (the tree version, the language and the state it shows,
    # such as the course page's weeks for one learner's progress), kept in each app process:
    # no round trip, and nothing personal in it. Least recently used entries go first.
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

AUTH_USER_MODEL = "lms.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # First: refuses locked accounts and addresses.
    "lms.backends.PhoneOrEmailBackend",
]
LOGIN_URL = "lms:sign_in"
LOGIN_REDIRECT_URL = "lms:profile"
LOGOUT_REDIRECT_URL = "/"
# A temporary password a mentor or coordinator sets signs in once, within this time.
TEMPORARY_PASSWORD_MAX_AGE = timedelta(
    hours=env.int("TEMPORARY_PASSWORD_MAX_AGE_HOURS", default=24)
)
# Data rights and retention (lms.data_rights, `manage.py retention`): accounts unused this many
# years are anonymised; throttle records and answer drafts older than these days are deleted.
RETENTION_INACTIVE_YEARS = env.int("RETENTION_INACTIVE_YEARS", default=3)
RETENTION_THROTTLE_RECORD_DAYS = env.int("RETENTION_THROTTLE_RECORD_DAYS", default=30)
RETENTION_DRAFT_DAYS = env.int("RETENTION_DRAFT_DAYS", default=180)
# Wrong passwords allowed per account on the delete-account page (django-ratelimit rate).
ACCOUNT_DELETE_PASSWORD_RATE = env("ACCOUNT_DELETE_PASSWORD_RATE", default="5/15m")
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Files only a permission-checked view hands out (certificate PDFs, evaluation reports): never
# under MEDIA_URL, whatever serves the media.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Pintar UMKM <noreply@localhost>")

WAGTAIL_SITE_NAME = "Pintar UMKM"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

PHONE_REGION = "ID"

# Background work (certificate PDFs, Wagtail's own upkeep) waits in the database for
# `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A worker killed mid-task leaves it running: every worker requeues tasks running longer than
# TASK_STALE_AFTER when it starts and every TASK_STALE_CHECK_EVERY seconds, and gives up a task
# after TASK_MAX_ATTEMPTS such tries (lms/worker.py).
TASK_STALE_AFTER = timedelta(minutes=env.int("TASK_STALE_AFTER_MINUTES", default=10))
TASK_STALE_CHECK_EVERY = 60
TASK_MAX_ATTEMPTS = 3

# The privacy notice (privacy app, which states RETENTION_INACTIVE_YEARS): whom learners contact
# about their data (shown on /privasi/; empty: their mentor or the programme's coordinators), and
# the key of research exports' pseudonyms (empty: derived from SECRET_KEY; changing either
# changes every pseudonym).
PRIVACY_CONTACT = env("PRIVACY_CONTACT", default="")
RESEARCH_PSEUDONYM_KEY = env("RESEARCH_PSEUDONYM_KEY", default="")

# Certificate verification pages are public: this many lookups per client address.
CERTIFICATE_VERIFY_RATE = env("CERTIFICATE_VERIFY_RATE", default="30/m")

BENCH_HELLO = env.bool("BENCH_HELLO", default=False)  # `make bench-load`'s /bench/hello/

# Uploads. Files above FILE_UPLOAD_MAX_MEMORY_SIZE go to a temporary file, not memory; form
# fields may total DATA_UPLOAD_MAX_MEMORY_SIZE (a long lesson's StreamField posts many fields).
MB = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * MB)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * MB
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * MB  # A phone photo; renditions make it small for learners.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000  # Refuses decompression bombs.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "heic", "jpg", "jpeg", "png", "webp"]  # No SVG.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt", "mp4"]
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # Admin avatars never load from another host.
# Course packages (courses/packages): a ZIP is refused before anything is unpacked if larger
# than these; images are refused by WAGTAILIMAGES_MAX_IMAGE_PIXELS too.
COURSE_PACKAGE_MAX_BYTES = env.int("COURSE_PACKAGE_MAX_BYTES", default=50 * MB)
COURSE_PACKAGE_MAX_FILES = env.int("COURSE_PACKAGE_MAX_FILES", default=2_000)
COURSE_PACKAGE_MAX_UNPACKED_BYTES = env.int("COURSE_PACKAGE_MAX_UNPACKED_BYTES", default=200 * MB)
COURSE_PACKAGE_MAX_FILE_BYTES = env.int("COURSE_PACKAGE_MAX_FILE_BYTES", default=20 * MB)

# Content-Security-Policy (django-csp 4): learner pages load only from the site itself; a
# lesson video's frame from its host is created only when the learner taps play.
VIDEO_FRAME_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "media-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-src": VIDEO_FRAME_HOSTS,
        "frame-ancestors": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# Added under /admin/ by lms.middleware.ContentSecurityPolicyMiddleware.
ADMIN_CONTENT_SECURITY_POLICY_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["data:", "blob:"],
    "media-src": ["blob:"],
    "font-src": ["data:"],
    "frame-src": [SELF],
}

# Sign-in throttling (django-axes, lms.throttling.SignInFailureHandler): 5 failures lock an
# account (however its number is typed), from anywhere or from one address; an address alone is
# locked only at SIGN_IN_ADDRESS_FAILURE_LIMIT, since a class on one Wi-Fi or a carrier's shared
# address is many people. Each lock lasts 15 minutes; attempts while locked don't extend it. A
# success clears only the signed-in account's own failures: an address keeps its count of
# failures on every other account.
AXES_HANDLER = "lms.throttling.SignInFailureHandler"
AXES_FAILURE_LIMIT = env.int("SIGN_IN_ACCOUNT_FAILURE_LIMIT", default=5)
SIGN_IN_ADDRESS_FAILURE_LIMIT = env.int("SIGN_IN_ADDRESS_FAILURE_LIMIT", default=50)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", ["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = False  # The handler clears the account's own failures instead.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "lms.throttling.sign_in_username"
AXES_CLIENT_IP_CALLABLE = "lms.throttling.address_key"  # IPv6 by its /64.
AXES_LOCKOUT_CALLABLE = "lms.throttling.locked_out"
AXES_VERBOSE = False
# Sign-up and password-reset throttling (django-ratelimit, counted in the default cache).
SIGN_UP_RATE = env("SIGN_UP_RATE", default="30/h")  # Per address; a class signs up together.
PASSWORD_RESET_RATE = env("PASSWORD_RESET_RATE", default="10/h")
# Wrong business or class join codes (lms.throttling.join_code_wait), per account and, higher
# since a class shares one, per address; past either, every code is refused until the window
# (the hour) ends.
JOIN_CODE_RATE = env("JOIN_CODE_RATE", default="10/h")
JOIN_CODE_ADDRESS_RATE = env("JOIN_CODE_ADDRESS_RATE", default="100/h")
# Claim links for imported owners (lms.claims): how long one works, and how many wrong short
# codes one address may type (a village hall shares one) before every code waits for the window.
CLAIM_LINK_DAYS = env.int("CLAIM_LINK_DAYS", default=14)
CLAIM_CODE_ADDRESS_RATE = env("CLAIM_CODE_ADDRESS_RATE", default="100/h")
# Practical assignments (mentoring): hand-ins allowed per account, and the largest photo or PDF
# accepted (a hand-in holds up to five photos: the proxy's body limit must allow them).
MENTORING_HAND_IN_RATE = env("MENTORING_HAND_IN_RATE", default="30/h")
MENTORING_MAX_UPLOAD_MB = env.int("MENTORING_MAX_UPLOAD_MB", default=15)
RATELIMIT_VIEW = "lms.throttling.rate_limited"
RATELIMIT_IP_META_KEY = "lms.throttling.address_key"
# Without REDIS_URL (make run, the tests) one process's in-memory cache counts every attempt, so
# django-ratelimit's objections to it (not shared, not on its list) do not apply. Production,
# on Redis, silences nothing.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# The request header naming the client's address when a reverse proxy is the only way in.
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER", default="REMOTE_ADDR")
