from django.urls import path

from . import views

app_name = "offline"

urlpatterns = [
    path("", views.offline_page, name="page"),
    path("minggu/<id:week_id>.json", views.week_files, name="week"),
]
