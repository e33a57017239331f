from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("<id:page_id>/kirim/", views.attempt_submit, name="submit"),
    path("<id:page_id>/draf/", views.draft_save, name="draft"),
    path("survei/<id:page_id>/kirim/", views.survey_submit, name="survey_submit"),
    path("hasil/<id:attempt_id>/", views.attempt_detail, name="attempt"),
    path("kuesioner-awal/<id:course_id>/lewati/", views.before_skip, name="before_skip"),
]
