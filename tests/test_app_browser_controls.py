"""The app's controls in Chromium at a projector's 1366×768: labels above full-width tracks, a number
field that takes a Dutch number, what each lever means and costs, names for screen readers, and the
keyboard alone enough to set a lever and run (issue 23, items 6 and 9)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from test_app_browser import ARTIFACTS, app_url, browser, open_page  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

#: Roles a person operates; each needs a name a screen reader can say.
CONTROL_ROLES = {"slider", "textbox", "button", "combobox", "checkbox", "switch", "spinbutton", "radio"}


def unnamed_controls(page) -> list[str]:
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
    missing = []
    for node in tree["nodes"]:
        role = node.get("role", {}).get("value")
        if role in CONTROL_ROLES and not node.get("ignored"):
            if not node.get("name", {}).get("value", "").strip():
                missing.append(role)
    return missing


def test_every_control_has_a_name_for_screen_readers(browser, app_url):  # noqa: F811
    context, page = open_page(browser, app_url)
    assert page.get_by_role("slider").count() >= 10  # the check below really looked at the sliders
    assert unnamed_controls(page) == []
    # a lever says whose it is: each scenario's levers are a named group
    group = page.get_by_role("group", name="Scenario A")
    assert group.get_by_role("slider", name="Netwerkontwikkelaars (fte per 10.000 inwoners)").count() == 1
    context.close()


def test_labels_sit_above_tracks_that_have_room(browser, app_url):  # noqa: F811
    context, page = open_page(browser, app_url)
    page.screenshot(path=ARTIFACTS / "controls-1366.png")
    boxes = page.locator(".number-slider")
    assert boxes.count() >= 10
    for i in range(boxes.count()):
        box = boxes.nth(i)
        label = box.locator(".control-label").bounding_box()
        track = box.locator(".v-slider").bounding_box()
        assert label["y"] + label["height"] <= track["y"] + 1, box.inner_text()
        assert track["width"] >= 120, (box.inner_text(), track)
    context.close()


def test_a_typed_dutch_number_moves_the_slider_and_a_wrong_one_says_the_range(browser, app_url):  # noqa: F811
    context, page = open_page(browser, app_url)
    field = page.get_by_role("textbox", name="Drempel om hulp te vragen (0-1)")
    field.fill("0,45")
    field.press("Enter")
    slider = page.get_by_role("slider", name="Drempel om hulp te vragen (0-1)")
    expect(slider).to_have_attribute("aria-valuenow", "0.45")
    field.fill("7")
    field.press("Tab")
    page.get_by_text("Typ een getal van 0 tot 1.").wait_for(timeout=10_000)
    context.close()


def test_levers_show_their_yearly_price_and_what_they_mean(browser, app_url):  # noqa: F811
    context, page = open_page(browser, app_url)
    card = page.locator(".scenario-1")
    assert "€\u00a080.000 per fte per jaar" in card.inner_text()
    fold = card.locator("details.explain-key_facility")
    assert not fold.evaluate("d => d.open")
    fold.locator("summary").focus()
    page.keyboard.press("Enter")  # opens from the keyboard
    assert fold.evaluate("d => d.open")
    assert "Bron: het boek over de transformatie van het sociaal domein (AEF), §6.4" in fold.inner_text()
    context.close()


def test_the_keyboard_alone_sets_a_lever_and_runs(browser, app_url):  # noqa: F811
    context, page = open_page(browser, app_url)
    residents = page.get_by_role("textbox", name="Inwoners (gesimuleerd)")
    residents.fill("300")
    residents.press("Enter")
    group = page.get_by_role("group", name="Scenario A")
    slider = group.get_by_role("slider", name="Flexteam (leden per 10.000 inwoners)")
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    field = group.get_by_role("textbox", name="Flexteam (leden per 10.000 inwoners)")
    expect(field).to_have_value("1")  # two steps of 0,5
    page.get_by_role("button", name="Doorrekenen").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Samenvatting", exact=True).wait_for(timeout=180_000)
    assert "Flexteam (leden per 10.000 inwoners): 1" in page.locator(".scenario-1").inner_text()
    context.close()


def test_the_page_holds_still(browser, app_url):  # noqa: F811
    """No transitions or animations anywhere on the page (`STILL_CSS`): each animated frame would be
    drawn by the cores the runs need. Vuetify animates buttons, tabs, switches and progress bars by
    default: without the rule the same check finds them."""
    context, page = open_page(browser, app_url)
    moving = """() => [...document.querySelectorAll('*')].flatMap(el => {
        const s = getComputedStyle(el);
        const secs = v => Math.max(...v.split(',').map(x => parseFloat(x) || 0));
        const animated = s.animationName !== 'none' && secs(s.animationDuration) > 0;
        return secs(s.transitionDuration) > 0 || animated ? [el.tagName + '.' + el.className] : [];
    })"""
    assert page.evaluate(moving) == []
    page.evaluate(
        """() => [...document.querySelectorAll('style')]
            .filter(s => s.textContent.includes('transition: none !important'))
            .forEach(s => s.remove())"""
    )
    assert len(page.evaluate(moving)) > 10  # the rule is what holds them still
    context.close()
