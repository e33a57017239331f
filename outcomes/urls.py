"""Learner-facing URLs of outcomes."""

from django.urls import path

from . import views

app_name = "outcomes"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<id:business_id>/", views.business_checkins, name="business"),
    path("kursus/<id:course_id>/<slug:moment>/", views.checkin_form, name="checkin"),
]
