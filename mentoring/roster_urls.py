"""The class roster in the admin (mounted at admin/kelas-saya/ by ``wagtail_hooks``)."""

from django.urls import path

from . import roster_views

app_name = "mentoring_roster"

urlpatterns = [
    path("", roster_views.RosterView.as_view(), name="roster"),
    path("export/", roster_views.RosterExportView.as_view(), name="export"),
]
