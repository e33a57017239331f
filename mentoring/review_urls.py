"""The review queue and the review page (in the admin, at /admin/tugas/)."""

from django.urls import path, re_path

from . import review_views

app_name = "mentoring_review"

urlpatterns = [
    path("", review_views.ReviewQueueView.as_view(), name="queue"),
    path("results/", review_views.ReviewQueueView.as_view(results_only=True), name="queue_results"),
    # 1 to 18 digits, as lms.text.IdConverter (registered after the admin's URLs are built)
    re_path(r"^(?P<pk>[0-9]{1,18})/$", review_views.ReviewView.as_view(), name="detail"),
]
