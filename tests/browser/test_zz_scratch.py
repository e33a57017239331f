import pytest
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

def test_guard_unchecked(browsing):
    browsing.visit("/akun/masuk/")
    browsing.page.locator("main a[href='/akun/daftar/']").click()
    browsing.page.wait_for_url("**/akun/daftar/")
    browsing.page.wait_for_load_state("load")
