"""Demo accounts and businesses for `make run`, built through the services; safe to repeat."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction

from privacy import services as privacy_services

from . import roles, services
from .models import Business, Regency, Sector, User

DEMO_PASSWORD = "umkm-demo-2026"  # noqa: S105 - published in the README for the demo only


@dataclass(frozen=True)
class DemoAccount:
    role: str
    full_name: str
    sign_in: str


STAFF = [
    ("admin@pintar-umkm.test", "Admin Pintar UMKM", None),
    ("mentor@pintar-umkm.test", "Rina Astuti", roles.MENTORS),
    ("koordinator@pintar-umkm.test", "Bambang Wijaya", roles.COORDINATORS),
]
DEMO_BUSINESS = {
    "name": "Bakpia Sutarni",
    "sibakul_number": "340100012345",
    "sector": Sector.CULINARY,
    "regency": Regency.KOTA_YOGYAKARTA,
    "district": "Ngampilan",
}
OWNER_PHONE = "+6281200001001"
MEMBER_EMAIL = "agus@pintar-umkm.test"


def _staff(email, full_name, group_name):
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            full_name=full_name,
            is_staff=True,
            is_superuser=group_name is None,
        )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@transaction.atomic
def seed() -> list[str]:
    staff = [_staff(email, full_name, group_name) for email, full_name, group_name in STAFF]
    # Staff are asked to agree on site pages too (the admin stays open): the demo's have.
    privacy_services.notice_agreed_in_bulk(user_ids=[user.pk for user in staff])

    # As the sign-up form does: each agreed to the privacy notice; Sutarni also to research use.
    owner = User.objects.filter(phone=OWNER_PHONE).first()
    if owner is None:
        owner = services.learner_sign_up(
            full_name="Sutarni",
            phone=OWNER_PHONE,
            password=DEMO_PASSWORD,
            birth_year=1968,
            business=DEMO_BUSINESS,
        )
        privacy_services.sign_up_consents_record(user=owner, research=True)
    business = Business.objects.get(memberships__user=owner)
    if not User.objects.filter(email=MEMBER_EMAIL).exists():
        member = services.learner_sign_up(
            full_name="Agus Setiawan",
            email=MEMBER_EMAIL,
            password=DEMO_PASSWORD,
            birth_year=1995,
            join_code=business.join_code,
        )
        privacy_services.sign_up_consents_record(user=member, research=False)
    accounts = [
        DemoAccount("administrator", "Admin Pintar UMKM", "admin@pintar-umkm.test"),
        DemoAccount("mentor", "Rina Astuti", "mentor@pintar-umkm.test"),
        DemoAccount("coordinator", "Bambang Wijaya", "koordinator@pintar-umkm.test"),
        DemoAccount(f"learner, owner of {business.name}", "Sutarni", "0812 0000 1001"),
        DemoAccount(f"learner, member of {business.name}", "Agus Setiawan", MEMBER_EMAIL),
    ]
    return [f"{a.role:<40} {a.full_name:<20} {a.sign_in}" for a in accounts]
