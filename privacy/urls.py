"""The public privacy pages, under /privasi/."""

from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.notice, name="notice"),
    path("versi/<int:version>/", views.notice_version, name="notice_version"),
    path("setuju/", views.notice_agree, name="agree"),
    path("penelitian/", views.research_consent, name="research_consent"),
]
