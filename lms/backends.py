from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import check_password
from django.utils import timezone

from . import services
from .models import User
from .selectors import user_by_identifier


class PhoneOrEmailBackend(ModelBackend):
    """Signs a person in with their mobile number (in any common Indonesian form) or email, and
    their own password or, once and not for long, a temporary one a mentor or coordinator set."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if not username or password is None:
            return None
        user = user_by_identifier(username)
        if user is None:
            User().set_password(password)  # The same work as a real check: no timing hint.
            return None
        if not self.user_can_authenticate(user):
            user.check_password(password)  # As above.
            return None
        if user.check_password(password):
            return user
        if user.temporary_password and check_password(password, user.temporary_password):
            if self._temporary_password_signs_in(user):
                return user
            if request is not None:
                # Right, but spent or expired: the sign-in form says so instead of "no match".
                request.temporary_password_spent = True
        return None

    @staticmethod
    def _temporary_password_signs_in(user) -> bool:
        current = (
            user.temporary_password_used_at is None
            and services.temporary_password_is_current(
                set_at=user.temporary_password_set_at,
                now=timezone.now(),
                max_age=settings.TEMPORARY_PASSWORD_MAX_AGE,
            )
        )
        return current and services.temporary_password_use(user=user)
