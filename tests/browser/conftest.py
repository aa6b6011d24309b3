"""Browser tests: Debian's Chromium driven by Playwright for Python against a live server.

Chromium is the system's (``/usr/bin/chromium``; ``.ci/run`` installs it); Playwright never
downloads a browser. Without either, these tests are skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from tests.web.world import PASSWORD, create_world

CHROMIUM = os.environ.get("SAKIP_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are plain
# synchronous code (the live server answers from its own thread).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - the dev extra installs it
    sync_playwright = None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reason = None
    if sync_playwright is None:
        reason = "playwright is not installed (pip install -e '.[dev]')"
    elif not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium; .ci/run does)"
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db):  # type: ignore[no-untyped-def]
    from sakip.web.plans.models import Agency

    if not Agency.objects.exists():  # the session's world is there until the first flush
        create_world()
    return live_server.url


class Person:
    """One person at one browser: signs in, goes places, reads what the page says."""

    def __init__(self, browser: Browser, site: str, username: str):
        self.context = browser.new_context(accept_downloads=True, locale="id-ID")
        self.page: Page = self.context.new_page()
        self.page.set_default_timeout(15000)
        self.site = site
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(f"{site}/masuk/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", PASSWORD)
        self.page.click("main button[type=submit]")  # not the header's language switch
        self.page.wait_for_load_state()

    def go(self, path: str) -> int:
        response = self.page.goto(self.site + path)
        assert response is not None
        return response.status

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def person(browser, site):  # type: ignore[no-untyped-def]
    people: list[Person] = []

    def sign_in(username: str) -> Person:
        someone = Person(browser, site, username)
        people.append(someone)
        return someone

    yield sign_in
    for someone in people:
        someone.close()
