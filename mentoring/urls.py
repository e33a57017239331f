"""Learners' hand-ins and the files in them (mounted at /tugas/)."""

from django.urls import path

from . import views

app_name = "mentoring"

urlpatterns = [
    path("<id:page_id>/kirim/", views.hand_in, name="hand_in"),
    # kind: views.PHOTO ("foto", a SubmissionPhoto's id) or views.PDF ("pdf", a version's id)
    path("berkas/<slug:kind>/<id:object_id>/", views.submission_file, name="file"),
]
