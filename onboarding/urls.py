"""The import's admin URLs (under /admin/, through the register_admin_urls hook)."""

from django.urls import path

from . import views

urlpatterns = [
    path("import/", views.UploadView.as_view(), name="onboarding_import"),
    path("import/<int:pk>/columns/", views.MapView.as_view(), name="onboarding_import_map"),
    path("import/<int:pk>/", views.PreviewView.as_view(), name="onboarding_import_preview"),
]
