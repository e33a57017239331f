"""Learner-facing URLs of credit."""

app_name = "credit"

urlpatterns = []
