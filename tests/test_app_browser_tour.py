"""A tour of the workshop app as a room sees it (issue 23): the result above the fold at a projector's
1366×768, every tab shown and saved as a screenshot for the facilitator's guide, the layout at
1920×1080, and one pass in English with no Dutch left over."""

# ruff: noqa: F811  (pytest fixtures imported from test_app_browser are redefined as arguments)
from __future__ import annotations

import re

import pytest
from test_app_browser import ARTIFACTS, app_url, browser, open_page, run, small  # noqa: F401

pytestmark = pytest.mark.browser

#: Dutch that must not show in the English view (the English view once said "Wijken found").
DUTCH = (
    "Doorrekenen", "Geen nieuwe besluiten", "Wat betekent dit", "Verloop", "Samenvatting", "Exporteren",
    "per jaar", "inwoners", "bespaart", "geen duidelijk verschil", "Gevonden", "Instellingen", "Aannames",
    "procentpunt", "wachtlijst", "Bron",
)  # fmt: skip
VISIBLE_TEXT = "() => document.body.innerText"


def to_top(page) -> None:
    """Scroll every scrolled box back to the top: the page scrolls inside Solara's own container."""
    page.evaluate("() => document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })")
    page.wait_for_timeout(200)


def test_the_result_is_above_the_fold_and_every_tab_is_shown_at_1366(browser, app_url):
    context, page = open_page(browser, app_url)
    page.screenshot(path=ARTIFACTS / "workshop-1366-1-start.png")
    small(page, 400)
    # the table's question and expectation, as a workshop types them (their band once pushed the cards
    # down until only each card's headline showed)
    page.get_by_role("textbox", name="Vraag van de tafel").fill(
        "Halveert een flexteam de verwijzingen naar zware zorg in deze wijk, en wat kost dat?"
    )
    page.get_by_role("textbox", name="Verwachting").fill("Een kwart minder verwijzingen, voor € 50.000 netto")
    run(page)
    to_top(page)
    page.screenshot(path=ARTIFACTS / "workshop-1366-2-result.png")
    # each scenario's card, its headline and every change with its interval, in view without scrolling
    assert page.locator(".scenario-card").count() == 2
    for i in range(2):
        card = page.locator(".scenario-card").nth(i)
        head = card.locator("strong").first.bounding_box()
        changes = card.locator("ul").first.bounding_box()
        assert head is not None and 0 <= head["y"], head
        assert changes is not None and changes["y"] + changes["height"] <= 768, changes
    tabs = page.get_by_role("tab")
    names = [tabs.nth(i).inner_text().strip() for i in range(tabs.count())]
    assert len(names) >= 4, names
    for i, name in enumerate(names, start=1):
        tabs.nth(i - 1).click()
        page.wait_for_timeout(800)
        if name == "NETWERK" or name == "Netwerk":  # the network (and so the story) of A beside the baseline
            page.get_by_role("button", name="Netwerk doorrekenen").click()
            page.locator(".network-counts").wait_for(timeout=120_000)
            page.wait_for_timeout(1_500)  # the picture lands after the counts
        panel = page.locator(".v-window-item--active").first
        panel.scroll_into_view_if_needed()
        tabs.nth(i - 1).scroll_into_view_if_needed()  # the tab's header at the top of the screen
        page.evaluate("() => document.querySelector('.v-tabs').scrollIntoView({block: 'start'})")
        page.wait_for_timeout(300)
        slug = re.sub(r"[^a-z]+", "-", name.lower()).strip("-")
        page.screenshot(path=ARTIFACTS / f"workshop-1366-tab{i}-{slug}.png")
    context.close()


def test_the_layout_at_1920(browser, app_url):
    context, page = open_page(browser, app_url, size=(1920, 1080))
    # before a run the settings, the baseline and both scenarios' levers sit side by side
    settings = page.locator(".settings").first.bounding_box()
    first, second = (page.locator(f".scenario-{i}").bounding_box() for i in (1, 2))
    assert settings["x"] < first["x"] < second["x"] and abs(first["y"] - second["y"]) < 2
    assert second["x"] + second["width"] <= 1920
    small(page, 400)
    run(page)
    to_top(page)
    cards = [page.locator(".scenario-card").nth(i).bounding_box() for i in range(2)]
    assert abs(cards[0]["y"] - cards[1]["y"]) < 2  # side by side
    assert all(c["y"] + c["height"] <= 1080 for c in cards)  # the whole cards above the fold
    page.screenshot(path=ARTIFACTS / "workshop-1920-result.png")
    context.close()


def test_one_pass_in_english_has_no_dutch_left_over(browser, app_url):
    context, page = open_page(browser, app_url)
    page.locator(".lang-toggle button").nth(1).click()
    page.get_by_role("button", name="Run").wait_for(timeout=10_000)
    texts = [page.evaluate(VISIBLE_TEXT)]
    small(page, 400)
    run(page, label="Run", summary="Summary")
    to_top(page)
    page.screenshot(path=ARTIFACTS / "workshop-1366-english.png")
    tabs = page.get_by_role("tab")
    for i in range(tabs.count()):
        tabs.nth(i).click()
        page.wait_for_timeout(500)
        texts.append(page.evaluate(VISIBLE_TEXT))
    page.locator(".toggle-settings").click()
    page.wait_for_timeout(300)
    texts.append(page.evaluate(VISIBLE_TEXT))
    text = "\n".join(texts)
    found = [w for w in DUTCH if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, flags=re.IGNORECASE)]
    assert not found, found
    assert "No new decisions" in text and "What does this mean?" in text
    context.close()
