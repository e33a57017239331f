from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("kursus/<id:course_id>/mulai/", views.course_start, name="course_start"),
    path("pelajaran/<id:lesson_id>/selesai/", views.lesson_done, name="lesson_done"),
    path("kelas/gabung/", views.cohort_join, name="cohort_join"),
    path("kelas/gabung/<str:code>/", views.cohort_join, name="cohort_join_code"),
]
