"""Mentors design certificate templates; coordinators see, revoke and reissue certificates.
A default template exists so a course issues certificates before anyone designs one."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Mentors": [
        "add_certificatetemplate",
        "change_certificatetemplate",
        "view_certificatetemplate",
        "view_certificate",
    ],
    "Coordinators": ["view_certificatetemplate", "view_certificate", "change_certificate"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("certificates")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="certificates", codename__in=codenames
            )
        )
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    if not CertificateTemplate.objects.exists():
        CertificateTemplate.objects.create(
            name="Sertifikat standar",
            title="Sertifikat Penyelesaian",
            body=(
                "telah menyelesaikan kelas {course} dalam program Pintar UMKM "
                "dengan pendampingan {mentor}, pada {date}."
            ),
            signer_name="",
            signer_role="",
        )


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0001_initial"),
        ("lms", "0003_roles_and_home_page"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
