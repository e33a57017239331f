"""Learner-facing URLs of cashbook."""

app_name = "cashbook"

urlpatterns = []
