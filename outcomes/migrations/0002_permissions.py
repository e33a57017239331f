"""Mentors and coordinators set which check-ins a course asks for (its check-in plan)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Mentors": ["add_checkinplan", "change_checkinplan", "delete_checkinplan", "view_checkinplan"],
    "Coordinators": ["add_checkinplan", "change_checkinplan", "delete_checkinplan", "view_checkinplan"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("outcomes")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="outcomes", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("outcomes", "0001_initial"),
        ("lms", "0003_roles_and_home_page"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
