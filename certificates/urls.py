from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<id:certificate_id>/unduh/", views.download, name="download"),
    path("kursus/<id:course_id>/terbitkan/", views.issue, name="issue"),
    path("<str:code>/", views.verify, name="verify"),
]
