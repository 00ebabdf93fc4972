"""A real headless Chromium (Debian's `chromium` and `chromium-driver`, which `.ci/run`
installs) loads the served site: the index filter works, an entry page reads right, and a
screenshot of each is written to build/screenshots/ for review."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.site.serve import make_server
from bot.site.urls import entry_path

from .conftest import ANSWERS

CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"

webdriver: Any
try:
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # pragma: no cover - the test extra installs selenium
    webdriver = None


@pytest.fixture(scope="module")
def base_url(shipped_site: Path) -> Iterator[str]:
    server = make_server(shipped_site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if webdriver is None:
        pytest.skip("selenium is not installed (pip install -e '.[test]')")
    if not CHROMEDRIVER.exists() or shutil.which("chromium") is None:
        pytest.skip(
            "Chromium is not installed: `apt-get install chromium chromium-driver` "
            "(.ci/run does this when it can)"
        )
    options = webdriver.ChromeOptions()
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--force-device-scale-factor=1",
    ):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or ""
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _visible_entries(browser: Any) -> list[str]:
    links = browser.find_elements(By.CSS_SELECTOR, "li[data-search] a")
    return [link.get_attribute("href").rsplit("/", 1)[-1] for link in links if link.is_displayed()]


def _screenshot(browser: Any, name: str, width: int) -> Path:
    """The whole page at `width` CSS pixels wide."""
    browser.set_window_size(width, 800)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, min(int(height) + 120, 6000))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    assert browser.save_screenshot(str(path))
    return path


def _no_console_errors(browser: Any) -> None:
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []


def test_the_index_filter_narrows_the_list_as_you_type(browser: Any, base_url: str) -> None:
    browser.set_window_size(1000, 900)
    browser.get(base_url + "index.html")
    field = browser.find_element(By.ID, "filter-text")
    assert field.is_displayed()  # the script revealed the form
    assert len(_visible_entries(browser)) == ANSWERS
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(SCREENSHOTS / "site-index-top.png"))  # what one sees first
    _screenshot(browser, "site-index.png", 1000)

    browser.set_window_size(1000, 900)
    field.send_keys("enrolled")
    WebDriverWait(browser, 5).until(lambda b: len(_visible_entries(b)) < ANSWERS)
    shown = _visible_entries(browser)
    assert "enrolled-45.html" in shown and len(shown) <= 5
    status = browser.find_element(By.ID, "filter-status").text
    assert status == f"{len(shown)} of {ANSWERS} answers shown"
    hidden_topics = [
        t for t in browser.find_elements(By.CSS_SELECTOR, "section.topic") if not t.is_displayed()
    ]
    assert hidden_topics  # topics with no match step aside

    field.clear()
    field.send_keys("zzzz nothing like this")
    WebDriverWait(browser, 5).until(lambda b: b.find_element(By.ID, "filter-empty").is_displayed())
    assert _visible_entries(browser) == []

    field.clear()
    field.send_keys(" ")  # clear() fires no input event; any edit does
    WebDriverWait(browser, 5).until(lambda b: len(_visible_entries(b)) == ANSWERS)
    _no_console_errors(browser)


def test_a_filter_in_the_address_applies_on_load(browser: Any, base_url: str) -> None:
    browser.get(base_url + "index.html?q=CBP+One")
    shown = _visible_entries(browser)
    assert "cbp-one.html" in shown and len(shown) < ANSWERS
    assert browser.find_element(By.ID, "filter-text").get_attribute("value") == "CBP One"


def test_an_entry_page_opens_from_the_index_and_reads_right_on_a_phone(
    browser: Any, base_url: str
) -> None:
    browser.set_window_size(412, 900)
    browser.get(base_url + "index.html")
    browser.find_element(By.CSS_SELECTOR, f'a[href="{entry_path("enrolled-45")}"]').click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith(entry_path("enrolled-45")))
    assert browser.find_element(By.TAG_NAME, "h1").text == (
        "How many migrants were enrolled in the app?"
    )
    notice = browser.find_element(By.CSS_SELECTOR, "aside.notice")
    assert notice.is_displayed() and "anonymous sources" in notice.text
    # Nothing wider than the phone's screen: no sideways scrolling.
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    _screenshot(browser, "site-entry.png", 412)
    _no_console_errors(browser)


def test_the_spanish_index_filters_in_spanish_words_with_or_without_accents(
    browser: Any, base_url: str
) -> None:
    browser.set_window_size(1000, 900)
    browser.get(base_url + "es/index.html")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
    field = browser.find_element(By.ID, "filter-text")
    assert field.is_displayed() and len(_visible_entries(browser)) == ANSWERS
    field.send_keys("cuántos inscribieron")
    WebDriverWait(browser, 5).until(lambda b: len(_visible_entries(b)) < ANSWERS)
    shown = _visible_entries(browser)
    assert "enrolled-45.html" in shown
    status = browser.find_element(By.ID, "filter-status").text
    assert status == f"Se muestran {len(shown)} de {ANSWERS} respuestas"
    field.clear()
    field.send_keys("aplicacion")  # typed without the accent of "aplicación"
    WebDriverWait(browser, 5).until(lambda b: "enrolled-45.html" in _visible_entries(b))
    _screenshot(browser, "site-index-es.png", 1000)
    _no_console_errors(browser)


def test_the_language_switch_opens_the_spanish_entry_page(browser: Any, base_url: str) -> None:
    browser.set_window_size(412, 900)
    browser.get(base_url + entry_path("enrolled-45"))
    browser.find_element(By.CSS_SELECTOR, 'nav.languages a[hreflang="es"]').click()
    WebDriverWait(browser, 5).until(
        lambda b: b.current_url.endswith(entry_path("enrolled-45", "es"))
    )
    assert browser.find_element(By.TAG_NAME, "h1").text == (
        "¿Cuántos migrantes se inscribieron en la aplicación?"
    )
    notice = browser.find_element(By.CSS_SELECTOR, "aside.notice")
    assert notice.is_displayed() and "fuentes anónimas" in notice.text
    assert "12 de julio de 2024" in browser.find_element(By.CSS_SELECTOR, "p.meta").text
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    _screenshot(browser, "site-entry-es.png", 412)
    # And back: the switch on the Spanish page leads to the English one.
    browser.find_element(By.CSS_SELECTOR, 'nav.languages a[hreflang="en"]').click()
    WebDriverWait(browser, 5).until(
        lambda b: b.current_url.endswith("/" + entry_path("enrolled-45"))
    )
    _no_console_errors(browser)
