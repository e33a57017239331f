"""The coordinators' research export, in the admin under /admin/privasi/."""

from django.urls import path

from . import views

app_name = "privacy_admin"

urlpatterns = [
    path("penelitian/", views.ResearchExportView.as_view(), name="research"),
    path(
        "penelitian/results/",
        views.ResearchExportView.as_view(results_only=True),
        name="research_results",
    ),
]
