from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path, register_converter
from django_ratelimit.decorators import ratelimit
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import account as admin_account
from wagtail.documents import urls as wagtaildocs_urls

from certificates import views as certificate_views
from offline import views as offline_views

from . import admin_scope, health, pagetree, throttling, views
from .text import IdConverter

register_converter(IdConverter, "id")  # before the apps' URLconfs below use <id:...>

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    # The service worker at the root, so that its scope is the whole site; and the manifest.
    path("sw.js", offline_views.service_worker, name="pwa_service_worker"),
    path("manifest.webmanifest", offline_views.manifest, name="pwa_manifest"),
    # The admin's own password reset sends email too: the same per-address limit as learners'.
    path(
        "admin/password_reset/",
        ratelimit(
            group="password_reset", key="ip", rate=throttling.password_reset_rate, method="POST"
        )(admin_account.PasswordResetView.as_view()),
        name="wagtailadmin_password_reset",
    ),
    # Wagtail's site history, scoped to the people, businesses and classes the viewer may see.
    path(
        "admin/reports/site-history/",
        require_admin_access(admin_scope.ScopedLogEntriesView.as_view()),
    ),
    path(
        "admin/reports/site-history/results/",
        require_admin_access(admin_scope.ScopedLogEntriesView.as_view(results_only=True)),
    ),
    # Wagtail's sign-out, clearing the site's data in the browser as the learners' one does.
    path("admin/logout/", views.AdminSignOutView.as_view(), name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.BENCH_HELLO:
    from bench.views import hello, signed_in_hello

    urlpatterns += [
        path("bench/hello/", hello, name="bench_hello"),
        path("bench/hello/signed-in/", signed_in_hello, name="bench_signed_in_hello"),
    ]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif getattr(settings, "SERVE_MEDIA", False):  # production with nothing in front: lms/media.py
    from . import media

    urlpatterns += media.urlpatterns()

# Indonesian pages have no prefix; English ones live under /en/.
urlpatterns += i18n_patterns(
    path("akun/", include("lms.account_urls")),
    path("privasi/", include("privacy.urls")),
    path("belajar/", include("courses.urls")),
    path("kuis/", include("quizzes.urls")),
    path("tugas/", include("mentoring.urls")),
    path("buku-kas/", include("cashbook.urls")),
    path("kredit/", include("credit.urls")),
    path("perkembangan/", include("outcomes.urls")),
    path("sertifikat/", include("certificates.urls")),
    path("offline/", include("offline.urls")),
    path("certificate/<str:code>/", certificate_views.verify, name="certificate_verify_alias"),
    # Pages, routed through the page-tree cache; Wagtail's own serve pattern below stays for its
    # `_util/` views.
    re_path(
        wagtail_urls.serve_pattern.replace("^", "^(?!_util/)", 1),
        pagetree.serve,
        name="wagtail_serve",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
