"""Coordinators keep the list of lenders (and whether OJK supervises each) up to date."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Coordinators": ["add_lender", "change_lender", "view_lender"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("credit")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="credit", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("credit", "0002_seed_lenders"),
        ("lms", "0003_roles_and_home_page"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
