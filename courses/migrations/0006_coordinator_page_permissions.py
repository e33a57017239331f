"""Coordinators import and edit courses too: they get the page permissions Mentors have, on
the same pages (lms 0003 grants Mentors add, change, publish, lock and unlock on the home page).
Safe to run again; the reverse removes what this grants."""

from django.db import migrations

MENTORS, COORDINATORS = "Mentors", "Coordinators"


def _mentor_rows(apps):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    return GroupPagePermission.objects.filter(group__name=MENTORS).values_list(
        "page_id", "permission_id"
    )


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    coordinators = Group.objects.filter(name=COORDINATORS).first()
    if coordinators is None:
        return
    for page_id, permission_id in _mentor_rows(apps):
        GroupPagePermission.objects.get_or_create(
            group=coordinators, page_id=page_id, permission_id=permission_id
        )


def revoke(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for page_id, permission_id in _mentor_rows(apps):
        GroupPagePermission.objects.filter(
            group__name=COORDINATORS, page_id=page_id, permission_id=permission_id
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_backfill_course_completions"),
        ("lms", "0003_roles_and_home_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
