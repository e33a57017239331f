from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "outcomes"
    verbose_name = _("Business outcomes")

    def ready(self):
        from . import due_cache

        due_cache.connect_signals()
