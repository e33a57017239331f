"""Account pages: sign-up, sign-in, profile, business membership, passwords."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django_ratelimit.decorators import ratelimit

from . import claim_views, throttling, views

app_name = "lms"

urlpatterns = [
    path("daftar/", views.sign_up, name="sign_up"),
    path("klaim/", claim_views.claim_code, name="claim_code"),
    path("klaim/<str:token>/", claim_views.claim, name="claim"),
    path("masuk/", views.SignInView.as_view(), name="sign_in"),
    path("keluar/", views.SignOutView.as_view(), name="sign_out"),
    path("profil/", views.profile, name="profile"),
    path("profil/ubah/", views.profile_edit, name="profile_edit"),
    path("data-saya/", views.data_mine, name="data_mine"),
    path("data-saya/unduh/", views.data_download, name="data_download"),
    path("hapus-akun/", views.account_delete, name="account_delete"),
    path("hapus-akun/selesai/", views.account_deleted, name="account_deleted"),
    path("usaha/daftar/", views.business_register, name="business_register"),
    path("usaha/gabung/", views.business_join, name="business_join"),
    path(
        "usaha/anggota/<id:member_id>/hapus/",
        views.business_member_remove,
        name="business_member_remove",
    ),
    path("sandi/ubah/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "sandi/lupa/",
        # Each POST may send an email: limited per address like sign-up.
        ratelimit(
            group="password_reset", key="ip", rate=throttling.password_reset_rate, method="POST"
        )(
            auth_views.PasswordResetView.as_view(
                template_name="lms/password_reset.html",
                email_template_name="lms/email/password_reset.txt",
                subject_template_name="lms/email/password_reset_subject.txt",
                success_url=reverse_lazy("lms:password_reset_done"),
            )
        ),
        name="password_reset",
    ),
    path(
        "sandi/lupa/terkirim/",
        auth_views.PasswordResetDoneView.as_view(template_name="lms/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "sandi/atur/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="lms/password_reset_confirm.html",
            success_url=reverse_lazy("lms:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "sandi/atur/selesai/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="lms/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
