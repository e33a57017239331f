"""Test data, built the way the site builds it."""

import factory
from django.utils import timezone

from lms.models import Business, Membership, Regency, Sector, User

PASSWORD = "kata-sandi-uji-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    full_name = factory.Sequence(lambda n: f"Peserta {n}")
    phone = factory.Sequence(lambda n: f"+62812{n:08d}")
    email = None
    date_joined = factory.LazyFunction(timezone.now)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)
        if create:
            self.save()


class BusinessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Business

    name = factory.Sequence(lambda n: f"Usaha {n}")
    sector = Sector.CULINARY
    regency = Regency.SLEMAN
    join_code = factory.Sequence(lambda n: f"TST{n:03d}")
    created_at = factory.LazyFunction(timezone.now)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    business = factory.SubFactory(BusinessFactory)
    is_owner = False
    joined_at = factory.LazyFunction(timezone.now)
