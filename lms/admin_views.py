"""Admin views for people: Wagtail's user admin fitted to this user model, temporary passwords."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.users import forms as wagtail_user_forms
from wagtail.users.views.users import EditView as WagtailUserEditView
from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from . import selectors, services
from .forms import TemporaryPasswordForm
from .identifiers import normalise_phone
from .models import User

ADMIN_USER_FIELDS = ["full_name", "email", "phone", "birth_year", "is_superuser", "groups"]


class AdminUserFormMixin(forms.ModelForm):
    """One full name instead of first and last; a phone or an email to sign in with."""

    first_name = None
    last_name = None
    email = forms.EmailField(label=gettext_lazy("Email"), required=False)

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").lower() or None

    def clean_phone(self):
        raw = self.cleaned_data.get("phone") or ""
        return normalise_phone(raw) if raw.strip() else None


class AdminUserCreationForm(AdminUserFormMixin, wagtail_user_forms.UserCreationForm):
    class Meta(wagtail_user_forms.UserCreationForm.Meta):
        model = User
        fields = ADMIN_USER_FIELDS


class AdminUserEditForm(AdminUserFormMixin, wagtail_user_forms.UserEditForm):
    class Meta(wagtail_user_forms.UserEditForm.Meta):
        model = User
        fields = [*ADMIN_USER_FIELDS, "is_active"]


class UserEditView(WagtailUserEditView):
    """A person's admin page, with the temporary passwords set for them: who, and when."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["temporary_password_log"] = selectors.temporary_password_log_for(user=self.object)
        return context


class UserIndexView(WagtailUserIndexView):
    """The people list; a name links to the person's edit page, or, for those who may only view
    people (coordinators), to their read-only page. Search reads the name, email and phone
    (Wagtail's default looks for first and last names this user model does not have)."""

    search_fields = ["full_name", "email", "phone"]

    def get_title_url(self, instance):
        return self.get_edit_url(instance) or self.get_inspect_url(instance)

    @cached_property
    def columns(self):
        columns = super().columns
        for column in columns:
            if column.name == "name":
                column._get_url_func = self.get_title_url
        return columns


class UserViewSet(WagtailUserViewSet):
    """Wagtail's user admin. Coordinators hold ``view_user``: they list, search and inspect
    people; only superusers (``change_user``) edit accounts, so nobody else can make an
    administrator or grant themselves a role."""

    ordering = "full_name"
    index_view_class = UserIndexView
    edit_view_class = UserEditView
    inspect_view_enabled = True
    inspect_view_fields = [
        "full_name",
        "email",
        "phone",
        "birth_year",
        "groups",
        "is_active",
        "date_joined",
        "last_login",
    ]
    create_template_name = "lms/admin/user_create.html"
    edit_template_name = "lms/admin/user_edit.html"

    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm


class TemporaryPasswordView(WagtailAdminTemplateMixin, FormView):
    """Give a learner who signs in by phone (and so cannot reset by email) a temporary password."""

    form_class = TemporaryPasswordForm
    template_name = "lms/admin/temporary_password.html"
    page_title = gettext_lazy("Temporary password")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("lms.set_temporary_password"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("lms_temporary_password"),
            submit_button_label=_("Set temporary password"),
            recent_sets=selectors.temporary_password_sets_visible_to(user=self.request.user),
            **kwargs,
        )

    def form_valid(self, form):
        learner = form.cleaned_data["learner"]
        try:
            services.temporary_password_set(
                actor=self.request.user, user=learner, password=form.cleaned_data["password"]
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s can now sign in with the temporary password.") % {"name": learner},
        )
        return redirect("lms_temporary_password")


class ChooserCreateView(SnippetCreateView):
    """A snippet chooser's "create" tab, refused when the snippet has no creation form there:
    Wagtail would otherwise answer a POST with a 500."""

    def can_create(self):
        return self.get_creation_form_class() is not None and super().can_create()


class ChooserViewSet(SnippetChooserViewSet):
    """Wagtail's snippet chooser, without the 500 of an unconfigured "create" tab."""

    create_view_class = ChooserCreateView
