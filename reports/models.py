from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    """No table: it carries the permission to read the reports (granted to Coordinators and
    Mentors by a migration), as Wagtail's own ``wagtailadmin.Admin`` carries ``access_admin``."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_reports", _("Can read the learning reports"))]

    def __str__(self):
        return str(self._meta.verbose_name)
