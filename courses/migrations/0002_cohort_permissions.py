"""Mentors run cohorts; coordinators can see them all."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Mentors": ["add_cohort", "change_cohort", "view_cohort"],
    "Coordinators": ["view_cohort"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("courses")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="courses", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("lms", "0003_roles_and_home_page"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
