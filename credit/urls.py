"""Learner-facing URLs of credit: ``/kredit/`` is the person's own business; staff in scope
open a business's list by its id."""

from django.urls import path

from . import views

app_name = "credit"

urlpatterns = [
    path("", views.application_list, name="list"),
    path("baru/", views.application_create, name="create"),
    path("<id:business_id>/", views.business_application_list, name="business_list"),
    path("pengajuan/<id:application_id>/", views.application_detail, name="detail"),
    path("pengajuan/<id:application_id>/ubah/", views.application_edit, name="edit"),
    path("pengajuan/<id:application_id>/langkah/", views.application_advance, name="advance"),
    path("pengajuan/<id:application_id>/dokumen/", views.application_documents, name="documents"),
    path("pengajuan/<id:application_id>/simulasi/", views.application_simulate, name="simulate"),
]
