"""Learner-facing URLs of cashbook: each page once for the learner's own business and once
under ``<business_id>/`` (a mentor's or coordinator's way in; members may use it too)."""

import datetime

from django.urls import path, register_converter

from . import views

app_name = "cashbook"


class DayConverter:
    """``2026-11-30``: a real calendar day of the years 2000 to 2999, else no match (a 404)."""

    regex = "2[0-9]{3}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value: str) -> datetime.date:
        return datetime.date.fromisoformat(value)

    def to_url(self, value) -> str:
        return value.isoformat() if isinstance(value, datetime.date) else str(value)


class MonthConverter:
    """``2026-11``: a real month of the years 2000 to 2999 (its first day), else no match."""

    regex = "2[0-9]{3}-[0-9]{2}"

    def to_python(self, value: str) -> datetime.date:
        return datetime.date.fromisoformat(f"{value}-01")

    def to_url(self, value) -> str:
        return f"{value:%Y-%m}" if isinstance(value, datetime.date) else str(value)


register_converter(DayConverter, "cashbook_day")
register_converter(MonthConverter, "cashbook_month")

_pages = [
    ("", views.day, "day"),
    ("hari/<cashbook_day:day>/", views.day, "day"),
    ("jual/", views.sale_add, "sale_add"),
    ("keluar/", views.cost_add, "cost_add"),
    ("catatan/<id:entry_id>/ubah/", views.entry_edit, "entry_edit"),
    ("catatan/<id:entry_id>/hapus/", views.entry_delete, "entry_delete"),
    ("riwayat/", views.history, "history"),
    ("bulan/<cashbook_month:month>/", views.month, "month"),
    ("bulan/<cashbook_month:month>/laporan/", views.report, "report"),
    ("bulan/<cashbook_month:month>/laporan.pdf", views.report_pdf, "report_pdf"),
]

urlpatterns = [path(route, view, name=name) for route, view, name in _pages] + [
    path(f"<id:business_id>/{route}", view, name=name) for route, view, name in _pages
]
