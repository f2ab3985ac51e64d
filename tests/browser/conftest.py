"""Fixtures: a real browser on a network that reaches only this machine, and the app."""

from __future__ import annotations

import pytest

from tests.browser.helpers import App, Guard, launch


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = launch(playwright)
        except RuntimeError as missing:
            pytest.fail(str(missing))
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    guard = Guard()
    context.route("**/*", guard)
    page = context.new_page()
    page.guard = guard
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


@pytest.fixture(scope="session")
def app(gazetteer, tmp_path_factory):
    running = App(data_folders=(tmp_path_factory.getbasetemp(),))
    yield running
    running.stop()
