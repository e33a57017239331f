from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<int:certificate_id>/unduh/", views.download, name="download"),
    path("kursus/<int:course_id>/terbitkan/", views.issue, name="issue"),
    path("<str:code>/", views.verify, name="verify"),
]
