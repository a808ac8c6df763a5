"""Choosing a real wijk in Chromium: search as one types, every match paged, the table's coverage when
nothing matches, and a municipality's own scan uploaded through a real file input (issue 23, item 5)."""

# ruff: noqa: F811  (pytest fixtures imported from test_app_browser are redefined as arguments)
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_app_browser import ARTIFACTS, app_url, browser, open_page, run, small, summary_text  # noqa: F401

pytestmark = pytest.mark.browser


def test_a_real_wijk_can_be_chosen_and_run(browser, app_url):
    context, page = open_page(browser, app_url)
    search = page.locator(".wijk-search input")
    search.fill("Groningen")  # no Enter: the matches come as one types
    page.locator(".wijk-option").first.click(timeout=10_000)
    page.locator(".chosen-wijk").wait_for(timeout=10_000)
    assert "(WK" in page.locator(".chosen-wijk").inner_text()
    assert "Centrum (WK001400)" in page.locator(".chosen-wijk").inner_text()
    small(page)
    run(page)
    page.screenshot(path=ARTIFACTS / "05-real-wijk.png", full_page=True)
    # Groningen Centrum, a student district, tipped without new decisions while the queue was the
    # wijk's alone; in the regional queue it waits as the region does (docs/ODD.md §9): no note.
    # The settings fold away after a run; the result names the wijk it is for.
    assert "Centrum (WK001400)" in page.locator(".result-wijk").inner_text()
    assert page.locator(".summary").get_by_text("Let op").count() == 0
    assert "e+" not in summary_text(page)  # wide intervals read as "-180", not "-1.8e+02"
    page.locator(".summary").screenshot(path=ARTIFACTS / "05b-real-wijk-summary.png")
    context.close()


def test_typing_den_haag_finds_its_wijken_and_rotterdam_says_what_the_table_holds(browser, app_url):
    context, page = open_page(browser, app_url)
    search = page.get_by_label("Zoek een echte wijk (gemeente, wijknaam of code)")
    search.press_sequentially("Den Haag", delay=60)  # typed, never Enter
    page.locator(".search-count").get_by_text("1–20 van 43").wait_for(timeout=10_000)
    expect(page.locator(".wijk-option")).to_have_count(20)  # the page's buttons arrive one by one
    assert "'s-Gravenhage — " in page.locator(".wijk-option").first.inner_text()
    page.locator(".search-next").click()
    page.locator(".search-count").get_by_text("21–40 van 43").wait_for(timeout=10_000)
    page.screenshot(path=ARTIFACTS / "09-search-den-haag.png", full_page=True)
    search.fill("")
    search.press_sequentially("Rotterdam", delay=30)
    # "Rotterd" already finds nothing: wait for the message about the whole word
    expect(page.locator(".search-none")).to_contain_text("Geen wijk gevonden voor ‘Rotterdam’")
    assert "Aa en Hunze tot en met Losser" in page.locator(".search-none").inner_text()
    assert search.input_value() == "Rotterdam"  # no typed letter lost
    assert page.locator(".search-status[role=status]").count() == 1  # read out by screen readers
    context.close()


def scan_file(path: Path, rows: list[dict[str, str]]) -> Path:
    """A scan as a Dutch spreadsheet saves it: semicolons, decimal commas, a byte-order mark."""
    lines = [";".join(rows[0])] + [";".join(v.replace(".", ",") for v in r.values()) for r in rows]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8"))
    return path


def test_an_own_scan_can_be_uploaded_checked_and_run(browser, app_url, tmp_path):

    from wijksim.model.scan import SHIPPED_TABLE

    with open(SHIPPED_TABLE, newline="", encoding="utf-8") as f:
        rows = [r for _, r in zip(range(2), csv.DictReader(f), strict=False)]
    rows[1] |= {"wijk_code": "WK999901", "wijk_name": "Testwijk", "gemeente_name": "Eigen Gemeente"}
    context, page = open_page(browser, app_url)
    upload = page.get_by_label("Eigen scan (CSV-bestand, hoogstens 1 MB)")  # a labelled <input type=file>
    bad = [dict(r) for r in rows]
    bad[1]["population"] = "veel"
    upload.set_input_files(scan_file(tmp_path / "fout.csv", bad))
    page.locator(".upload-errors").wait_for(timeout=20_000)
    errors = page.locator(".upload-errors").inner_text()
    assert "Rij 3, kolom ‘population’ (inwoners): ‘veel’ is geen getal." in errors
    page.screenshot(path=ARTIFACTS / "10-upload-refused.png", full_page=True)
    upload.set_input_files(scan_file(tmp_path / "goed.csv", rows))
    page.locator(".upload-ok").get_by_text("2 wijken gelezen").wait_for(timeout=20_000)
    assert page.locator(".upload-errors").count() == 0
    page.locator(".upload-select").click()
    page.get_by_role("option", name="Eigen Gemeente — Testwijk (WK999901)").click()
    page.locator(".chosen-wijk").get_by_text("Testwijk (WK999901) (eigen scan)").wait_for(timeout=10_000)
    small(page)
    run(page)
    assert "Testwijk (WK999901) (eigen scan)" in page.locator(".result-wijk").inner_text()
    page.get_by_role("tab", name="Exporteren").click()
    assert "--scan eigen-scan.csv --wijk WK999901" in page.locator(".command-line").inner_text()
    page.screenshot(path=ARTIFACTS / "11-upload-run.png", full_page=True)
    context.close()
