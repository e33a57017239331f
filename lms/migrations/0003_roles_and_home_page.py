"""Create the three roles with their permissions, and the site's home page."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LEARNERS, MENTORS, COORDINATORS = "Learners", "Mentors", "Coordinators"

MENTOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("lms", "user", "set_temporary_password"),
    ("lms", "business", "view_business"),
]
COORDINATOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("lms", "user", "view_user"),
    ("lms", "user", "set_temporary_password"),
    ("lms", "business", "view_business"),
    ("lms", "business", "change_business"),
]
MENTOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MENTOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "choose_document"),
]


def _permission(apps, app_label, model, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(
        content_type__app_label=app_label, content_type__model=model, codename=codename
    )


def create_roles_and_home(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    HomePage = apps.get_model("lms", "HomePage")

    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    home = HomePage.objects.create(
        title="Belajar usaha dari ponsel",
        draft_title="Belajar usaha dari ponsel",
        slug="home",
        intro=(
            "Kelas gratis untuk UMKM Yogyakarta: pemasaran digital dan pembiayaan usaha, "
            "empat minggu, bisa dibuka dari ponsel kapan saja."
        ),
        content_type=ContentType.objects.get_for_model(HomePage),
        locale=Locale.objects.order_by("pk").first(),
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.pk,
                  "site_name": "Pintar UMKM"},
    )

    Group.objects.get_or_create(name=LEARNERS)
    mentors, _ = Group.objects.get_or_create(name=MENTORS)
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    mentors.permissions.add(*[_permission(apps, *p) for p in MENTOR_PERMISSIONS])
    coordinators.permissions.add(*[_permission(apps, *p) for p in COORDINATOR_PERMISSIONS])
    for codename in MENTOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=mentors, page=home, permission=_permission(apps, "wagtailcore", "page", codename)
        )
    root_collection = Collection.objects.get(depth=1)
    for app_label, model, codename in MENTOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=mentors,
            collection=root_collection,
            permission=_permission(apps, app_label, model, codename),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0002_home_page"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles_and_home, migrations.RunPython.noop)]
