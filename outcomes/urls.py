"""Learner-facing URLs of outcomes."""

app_name = "outcomes"

urlpatterns = []
