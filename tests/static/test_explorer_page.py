"""The explorer page in headless Chromium, over the samples and the reference article:
search, entity suggestions, facets, an article with its actors highlighted, an entity and a
resolution. Each view leaves a screenshot in test-artifacts/explorer/."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

JAMOUS = "بدر جاموس"
COMMISSION = "هيئة التفاوض السورية"
REFERENCE_TITLE = "تؤكد ضرورة دعم سياسي وحراك دولي"


@pytest.fixture(scope="module")
def ids(live_server: str) -> dict[str, int]:
    """Ids the API gives the reference article and its actors in this archive."""
    with httpx.Client(base_url=live_server) as api:
        articles = api.get("/articles", params={"limit": 100}).json()["items"]
        jamous = api.get("/entities", params={"q": JAMOUS}).json()["items"][0]
        israel = api.get("/entities", params={"q": "إسرائيل"}).json()["items"][0]
    article = next(a for a in articles if REFERENCE_TITLE in a["title"])
    return {"article": article["id"], "jamous": jamous["id"], "israel": israel["id"]}


@pytest.fixture
def page(browser: WebDriver, live_server: str) -> Iterator[WebDriver]:
    browser.get(f"{live_server}/")
    if browser.execute_script("return localStorage.length"):
        browser.execute_script("localStorage.clear()")  # back to the Arabic interface
        browser.refresh()
    yield browser
    errors = [e for e in browser.get_log("browser") if e["source"] == "javascript"]
    assert not errors, errors


def visit(page: WebDriver, route: str, ready: str) -> WebElement:
    return after(page, lambda: page.execute_script("location.hash = arguments[0]", route), ready)


def after(page: WebDriver, action: Callable[[], object], ready: str) -> WebElement:
    """Runs a navigation and waits for the view it renders (not the one it replaces)."""
    page.execute_script("document.querySelector('.view')?.setAttribute('data-stale', '')")
    action()
    return wait_for(page, ready)


def wait_for(page: WebDriver, css: str) -> WebElement:
    fresh = f".view:not([data-stale]):not([aria-busy]) {css}"
    WebDriverWait(page, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, fresh))
    return page.find_element(By.CSS_SELECTOR, fresh)


def texts(page: WebDriver, css: str) -> list[str]:
    return [e.text for e in page.find_elements(By.CSS_SELECTOR, css)]


def shot(page: WebDriver, artifacts: Path, name: str) -> None:
    height = page.execute_script("return document.documentElement.scrollHeight")
    width = page.execute_script("return window.innerWidth")
    page.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": min(height, 4000), "deviceScaleFactor": 1, "mobile": False},
    )
    page.save_screenshot(str(artifacts / name))
    page.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_full_text_search_lists_the_matching_articles_with_date_and_outlet(
    page: WebDriver, artifacts: Path
) -> None:
    visit(page, f"#/search?q={quote('جاموس')}", "li.card")
    titles = texts(page, "li.card h3")
    assert len(titles) == 1 and REFERENCE_TITLE in titles[0]
    meta = page.find_element(By.CSS_SELECTOR, "li.card .meta").text
    assert "تلفزيون سوريا" in meta and "11:22" in meta  # the outlet's clock, not the reader's
    assert page.find_element(By.CSS_SELECTOR, "li.card .lede").text
    assert any(JAMOUS in t for t in texts(page, "li.card a.k-person"))
    assert page.find_element(By.ID, "f-q").get_attribute("value") == "جاموس"
    export = page.find_element(By.CSS_SELECTOR, ".export a").get_attribute("href") or ""
    rows = list(csv.reader(io.StringIO(httpx.get(export).text)))
    assert len(rows) == 2  # the header and the one article
    shot(page, artifacts, "search.png")


def test_more_results_come_by_cursor_until_the_last_page(page: WebDriver) -> None:
    visit(page, "#/search?limit=2", "li.card")
    cards = lambda: len(page.find_elements(By.CSS_SELECTOR, "li.card"))  # noqa: E731
    assert cards() == 2
    for expected in (4, 5):
        page.find_element(By.CSS_SELECTOR, "button.more").click()
        WebDriverWait(page, 10).until(lambda _, n=expected: cards() == n)
    WebDriverWait(page, 5).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "button.more"))
    assert len(set(texts(page, "li.card h3"))) == 5  # each article once


def test_several_actors_combine_as_all_or_any(page: WebDriver, ids: dict[str, int]) -> None:
    both = f"entity={ids['jamous']}&entity={ids['israel']}"
    visit(page, f"#/search?{both}", ".results-col .status")
    assert not page.find_elements(By.CSS_SELECTOR, "li.card")  # no article names both
    assert len(page.find_elements(By.CSS_SELECTOR, ".active-filters [data-param=entity]")) == 2
    choice = Select(page.find_element(By.ID, "f-entity-op"))
    after(page, lambda: choice.select_by_value("or"), "li.card")
    assert "entity_op=or" in page.current_url
    assert len(page.find_elements(By.CSS_SELECTOR, "li.card")) == 2


def test_a_month_of_the_chart_narrows_the_search_to_its_dates(page: WebDriver) -> None:
    visit(page, "#/", "svg.chart")
    december = page.find_element(By.CSS_SELECTOR, "svg.chart a:has(rect[data-month='2023-12'])")
    after(page, december.click, "li.card")
    assert "from=2023-12-01&to=2023-12-31" in page.current_url
    assert page.find_element(By.ID, "f-from").get_attribute("value") == "2023-12-01"
    assert len(page.find_elements(By.CSS_SELECTOR, "li.card")) == 2


def test_an_entity_picked_from_the_suggestions_filters_the_results(
    page: WebDriver, artifacts: Path, ids: dict[str, int]
) -> None:
    visit(page, "#/", "li.card")
    assert len(page.find_elements(By.CSS_SELECTOR, "li.card")) == 5
    box = page.find_element(By.ID, "f-entity")
    box.send_keys("Badr")  # an English name finds the Arabic entity
    option = wait_for(page, "#f-entity-list li[role=option]")
    assert JAMOUS in option.text and "Badr Jamous" in option.text
    assert box.get_attribute("aria-expanded") == "true"
    shot(page, artifacts, "suggest.png")
    box.send_keys(Keys.ARROW_DOWN, Keys.ENTER)  # the keyboard alone picks it
    chip = wait_for(page, ".active-filters [data-param=entity]")
    WebDriverWait(page, 5).until(lambda d: JAMOUS in chip.text)
    assert f"entity={ids['jamous']}" in page.current_url
    assert [REFERENCE_TITLE in t for t in texts(page, "li.card h3")] == [True]


def test_a_facet_adds_its_filter_and_removes_it_again(page: WebDriver, artifacts: Path) -> None:
    visit(page, "#/", "aside.facets [data-facet=entity] a.facet-value")
    first = page.find_element(By.CSS_SELECTOR, "[data-facet=entity] a.facet-value")
    label, count = (first.find_element(By.CSS_SELECTOR, c).text for c in (".label", ".count"))
    selected = after(page, first.click, "a.facet-value.selected")
    assert "entity=" in page.current_url
    assert label in page.find_element(By.CSS_SELECTOR, ".active-filters").text
    assert len(page.find_elements(By.CSS_SELECTOR, "li.card")) == int(count) < 5
    shot(page, artifacts, "search-facet.png")
    after(page, selected.click, "li.card")
    assert "entity=" not in page.current_url
    assert not page.find_elements(By.CSS_SELECTOR, "a.facet-value.selected")
    assert len(page.find_elements(By.CSS_SELECTOR, "li.card")) == 5


def test_the_article_highlights_each_actor_by_kind_and_links_it(
    page: WebDriver, artifacts: Path, ids: dict[str, int]
) -> None:
    visit(page, f"#/article/{ids['article']}", "a.m.k-person")
    assert JAMOUS in texts(page, ".article-body a.m.k-person")
    assert "هيئة التفاوض" in texts(page, ".article-body a.m.k-organization")
    assert "سوريا" in texts(page, ".article-body a.m.k-place")
    assert any("2254" in t for t in texts(page, ".article-body a.m.k-resolution"))
    assert len(texts(page, ".legend .m")) == 4
    assert "تويتر" in page.find_element(By.CSS_SELECTOR, "figure.image").text
    assert len(page.find_elements(By.CSS_SELECTOR, "ul.statements > li")) >= 3
    shot(page, artifacts, "article.png")
    mention = page.find_element(By.XPATH, f"//a[contains(@class,'k-person') and .='{JAMOUS}']")
    heading = after(page, mention.click, f".entity-view[data-entity='{ids['jamous']}'] h1")
    assert heading.text == JAMOUS and page.title.startswith(JAMOUS)
    assert page.switch_to.active_element == heading  # focus follows the navigation
    assert after(page, page.back, ".article-view h1").text.startswith('"هيئة التفاوض"')


def test_the_entity_view_shows_roles_timeline_and_company(
    page: WebDriver, artifacts: Path, ids: dict[str, int]
) -> None:
    visit(page, f"#/entity/{ids['jamous']}", ".entity-view svg.chart rect.bar")
    assert page.find_element(By.TAG_NAME, "h1").text == JAMOUS
    assert "رئيس هيئة التفاوض السورية" in page.find_element(By.CSS_SELECTOR, ".roles").text
    assert COMMISSION in " ".join(texts(page, ".entity-side a.chip"))
    bars = page.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar[data-month='2023-11']")
    assert float(bars[0].get_attribute("height") or 0) > 0
    wait_for(page, ".entity-main li.card")
    shot(page, artifacts, "entity.png")


def test_the_resolution_view_shows_symbol_body_year_and_title(
    page: WebDriver, artifacts: Path
) -> None:
    visit(page, "#/resolution/UNSC/2254", ".resolution-view svg.chart")
    assert page.find_element(By.TAG_NAME, "h1").text == "UNSC 2254 (2015)"
    facts = page.find_element(By.CSS_SELECTOR, ".resolution-head").text
    assert "مجلس الأمن" in facts and "سوريا" in facts
    assert any(REFERENCE_TITLE in t for t in texts(page, ".resolution-view a"))
    shot(page, artifacts, "resolution.png")


def test_the_article_fits_a_phone_screen(
    page: WebDriver, artifacts: Path, ids: dict[str, int]
) -> None:
    metrics = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
    page.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    try:
        visit(page, f"#/article/{ids['article']}", "a.m.k-person")
        overflow = page.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        page.save_screenshot(str(artifacts / "article-phone.png"))
    finally:
        page.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_the_interface_switches_to_english_and_left_to_right(
    page: WebDriver, artifacts: Path
) -> None:
    visit(page, "#/", "li.card")
    after(page, page.find_element(By.ID, "lang-toggle").click, "li.card")
    assert page.find_element(By.TAG_NAME, "html").get_attribute("dir") == "ltr"
    assert page.find_element(By.TAG_NAME, "h1").text == "Search the archive"
    assert page.find_element(By.CSS_SELECTOR, "[data-nav=search]").text == "Search"
    title = page.find_element(By.CSS_SELECTOR, "li.card h3 a")
    assert title.get_attribute("lang") == "ar"  # the data keeps its own language
    shot(page, artifacts, "search-en.png")


def test_the_first_tab_reaches_the_skip_link_with_a_visible_focus(page: WebDriver) -> None:
    visit(page, "#/", "li.card")
    page.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = page.switch_to.active_element
    assert active.get_attribute("class") == "skip"
    assert active.value_of_css_property("outline-style") == "solid"
