"""Learners' hand-ins and the files in them (mounted at /tugas/)."""

app_name = "mentoring"

urlpatterns = []
