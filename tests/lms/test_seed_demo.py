import pytest
from django.core.management import call_command

from lms import demo, roles
from lms.models import Business, Membership, User
from reports.demo import demo_class_learners

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_every_role_and_can_run_again(capsys):
    call_command("seed_demo")
    first = capsys.readouterr().out
    counts = (User.objects.count(), Business.objects.count(), Membership.objects.count())
    call_command("seed_demo")
    assert (User.objects.count(), Business.objects.count(), Membership.objects.count()) == counts
    # Besides the evaluation demo class (reports.demo, tested in tests/reports/test_demo.py):
    others = User.objects.exclude(pk__in=demo_class_learners())
    assert (
        others.count(),
        Business.objects.filter(memberships__user__in=others).distinct().count(),
        Membership.objects.filter(user__in=others).count(),
    ) == (5, 1, 2)

    assert User.objects.get(email="mentor@pintar-umkm.test").groups.filter(name=roles.MENTORS)
    assert User.objects.get(email="koordinator@pintar-umkm.test").groups.filter(
        name=roles.COORDINATORS
    )
    owner = User.objects.get(phone=demo.OWNER_PHONE)
    member = User.objects.get(email=demo.MEMBER_EMAIL)
    assert owner.membership.is_owner
    assert member.membership.business == owner.membership.business
    assert owner.check_password(demo.DEMO_PASSWORD)
    for sign_in in [
        "mentor@pintar-umkm.test",
        "koordinator@pintar-umkm.test",
        "0812 0000 1001",
        demo.MEMBER_EMAIL,
        demo.DEMO_PASSWORD,
    ]:
        assert sign_in in first


def test_demo_learners_agreed_to_the_privacy_notice_as_at_sign_up():
    from privacy import selectors as privacy_selectors

    call_command("seed_demo", verbosity=0)
    owner = User.objects.get(phone=demo.OWNER_PHONE)
    member = User.objects.get(email=demo.MEMBER_EMAIL)

    consenting = set(privacy_selectors.research_consenting_learner_ids())
    assert owner.pk in consenting
    assert member.pk not in consenting
    for learner in (owner, member):
        notice = privacy_selectors.consents_for_profile(user=learner)["notice"]
        assert notice.given
