from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import services

        # Every sign-in (the form, sign-up, a claim link) checks once whether the person has
        # agreed to the current privacy notice; later requests only compare two numbers.
        user_logged_in.connect(services.notice_check_on_sign_in, dispatch_uid="privacy.notice")
