"""The quick exit in a real browser: button, Shift x3, Escape, history, and without JavaScript."""

from __future__ import annotations

import pytest

from tests.browser.conftest import NEUTRAL_SITE

pytestmark = pytest.mark.browser


def _visit_two_pages(page, base):
    page.goto(f"{base}/about")
    page.goto(f"{base}/jurisdictions/us-ca")
    page.wait_for_load_state("load")


def test_button_leaves_for_neutral_site_and_back_does_not_return(phone, live_server):
    _visit_two_pages(phone, live_server)
    phone.get_by_role("link", name="Exit this page").click()
    phone.wait_for_url(NEUTRAL_SITE)
    assert phone.title() == "Weather"
    phone.go_back()
    phone.wait_for_load_state("load")
    assert phone.url == f"{live_server}/about"  # the page exited from was replaced in history


@pytest.mark.parametrize("keys", [["Shift", "Shift", "Shift"], ["Escape"]], ids=["shift-three-times", "escape"])
def test_keyboard_shortcuts_exit(phone, live_server, keys):
    _visit_two_pages(phone, live_server)
    for key in keys:
        phone.keyboard.press(key)
    phone.wait_for_url(NEUTRAL_SITE)


def test_two_shifts_do_not_exit(phone, live_server):
    phone.goto(f"{live_server}/about")
    phone.keyboard.press("Shift")
    phone.keyboard.press("Shift")
    phone.wait_for_timeout(300)
    assert phone.url == f"{live_server}/about"


def test_page_is_blanked_before_leaving(phone, live_server):
    phone.goto(f"{live_server}/jurisdictions/us-ca")
    # Answer the neutral site with 204 No Content: the browser cancels that navigation and stays on the
    # exited page, so what the exit left on screen can be inspected.
    phone.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(status=204))
    with phone.expect_request("https://www.bbc.co.uk/**"):
        phone.get_by_role("link", name="Exit this page").click()
    phone.wait_for_function("document.title === 'Loading'")
    assert phone.evaluate("document.body.innerText").strip() == "Loading."
    assert phone.get_by_role("status").inner_text() == "Loading."


def test_exit_works_without_javascript(phone_without_js, live_server):
    phone_without_js.goto(f"{live_server}/jurisdictions/us-ca")
    phone_without_js.get_by_role("link", name="Exit this page").click()
    phone_without_js.wait_for_url(NEUTRAL_SITE)


def test_exit_button_is_visible_at_the_top_of_a_phone_screen_while_scrolling(phone, live_server):
    phone.goto(f"{live_server}/jurisdictions/us-ca")
    phone.mouse.wheel(0, 2000)
    phone.wait_for_timeout(200)
    box = phone.get_by_role("link", name="Exit this page").bounding_box()
    assert box is not None and 0 <= box["y"] < 80 and box["height"] >= 44


def test_no_request_leaves_the_site_while_browsing(phone, live_server):
    requested = []
    phone.on("request", lambda request: requested.append(request.url))
    for path in ["/", "/jurisdictions", "/jurisdictions/us-ca", "/laws/us-ca-stalking", "/about"]:
        phone.goto(f"{live_server}{path}")
        phone.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(live_server) for url in requested)
