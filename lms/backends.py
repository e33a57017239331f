from django.contrib.auth.backends import ModelBackend

from .models import User
from .selectors import user_by_identifier


class PhoneOrEmailBackend(ModelBackend):
    """Signs a person in with their mobile number (in any common Indonesian form) or email."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if not username or password is None:
            return None
        user = user_by_identifier(username)
        if user is None:
            User().set_password(password)  # The same work as a real check: no timing hint.
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
