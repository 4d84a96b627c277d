"""The quick exit in a real browser: button, Shift x3, history (Back, Reload), pages built from forms, no JavaScript."""

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


def test_shift_three_times_exits(phone, live_server):
    _visit_two_pages(phone, live_server)
    for _ in range(3):
        phone.keyboard.press("Shift")
    phone.wait_for_url(NEUTRAL_SITE)


def _held_shift(page):
    page.keyboard.down("Shift")
    for _ in range(5):
        page.keyboard.down("Shift")  # the keyboard's auto-repeat while Shift is held
    page.keyboard.up("Shift")


def _escape_in_the_search_box(page):
    page.get_by_label("Words, a situation or a section number").fill("stalking")
    page.keyboard.press("Escape")


@pytest.mark.parametrize("keys", [_held_shift, _escape_in_the_search_box], ids=["held-shift", "escape"])
def test_a_held_shift_or_escape_does_not_exit(phone, live_server, keys):
    phone.goto(f"{live_server}/search")
    keys(phone)
    phone.wait_for_timeout(400)
    assert phone.url == f"{live_server}/search"


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


def _record_requests(page) -> list[tuple[str, str, str | None]]:
    """Every request from now on: method, address and body (to prove nothing typed is sent again)."""
    seen: list[tuple[str, str, str | None]] = []
    page.on("request", lambda request: seen.append((request.method, request.url, request.post_data)))
    return seen


def _exit_back_reload(page, base: str) -> None:
    """Exit, then Back, then Reload: each lands on the neutral site and no form is sent again."""
    seen = _record_requests(page)
    with page.expect_navigation(url=NEUTRAL_SITE):
        page.get_by_role("link", name="Exit this page").click()
    page.go_back()
    page.wait_for_url(NEUTRAL_SITE)
    page.reload()
    page.wait_for_load_state("load")
    assert page.url == NEUTRAL_SITE and page.title() == "Weather"
    ours = [(method, body) for method, url, body in seen if url.startswith(base)]
    assert all(method == "GET" and body is None for method, body in ours), ours  # nothing sent again
    assert not any(base in url and "?" in url for _, url, _ in seen)


def test_exit_back_reload_after_the_questionnaire_resends_no_answer(phone, real_server):
    from tests.browser.test_questionnaire_flow import _run_from_home

    _run_from_home(phone, real_server)
    assert phone.get_by_role("heading", name="Laws that may apply in California").is_visible()
    _exit_back_reload(phone, real_server)


def test_exit_back_reload_after_a_search_resends_no_query(phone, live_server):
    phone.goto(f"{live_server}/search")
    phone.get_by_label("Words, a situation or a section number").fill("zqmarkerzq stalking")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Search", exact=True).click()
    assert "laws found" in phone.locator("#results-heading").inner_text()
    _exit_back_reload(phone, live_server)


@pytest.mark.parametrize("path", ["/questions", "/search"])
def test_a_page_built_from_a_form_reloads_as_a_plain_page(phone, live_server, path):
    phone.goto(f"{live_server}{path}")
    if path == "/search":
        phone.get_by_label("Words, a situation or a section number").fill("zqmarkerzq")
        button = phone.get_by_role("button", name="Search", exact=True)
    else:
        phone.get_by_label("Choose from the list").select_option(label="California")
        button = phone.get_by_role("button", name="Continue")
    with phone.expect_navigation():
        button.click()
    assert "zqmarkerzq" in phone.content() or 'name="a_jurisdiction"' in phone.content()
    requests = []
    phone.on("request", lambda request: requests.append((request.method, request.post_data)))
    phone.reload()
    phone.wait_for_load_state("load")
    assert requests[0] == ("GET", None)  # the answers or the query are not sent again
    assert "zqmarkerzq" not in phone.content() and 'name="a_' not in phone.content()


def test_a_reload_after_an_exit_leaves_again_and_a_fresh_visit_stays(phone, live_server):
    phone.goto(f"{live_server}/about")
    phone.evaluate("window.sessionStorage.setItem('quick-exit-used', '1')")  # as an exit from this tab leaves it
    phone.reload()
    phone.wait_for_url(NEUTRAL_SITE)
    phone.goto(f"{live_server}/about")  # typed again: a deliberate return
    phone.wait_for_timeout(300)
    assert phone.url == f"{live_server}/about"
    assert phone.evaluate("window.sessionStorage.getItem('quick-exit-used')") is None
