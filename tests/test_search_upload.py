"""The app's wijk search (viz/search.py) and the upload of a municipality's own scan (viz/upload.py,
`RunSpec.scan_row`): issue 23, item 5."""

from __future__ import annotations

import builtins
import csv
import hashlib
import io
import json
import os

import pytest
from wijksim.experiments.run import RunSpec
from wijksim.model.scan import REQUIRED_COLUMNS, SHIPPED_TABLE, read_row, row_csv, row_sha256
from wijksim.viz import runner, search, wijken
from wijksim.viz.export import differences_csv, run_record
from wijksim.viz.i18n import translator
from wijksim.viz.numbers import number
from wijksim.viz.summary import command_line
from wijksim.viz.upload import MAX_BYTES, ScanRefused, describe, read_scan

NL = translator("nl")


def shipped_rows() -> list[dict[str, str]]:
    with open(SHIPPED_TABLE, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def as_csv(rows: list[dict[str, str]], sep: str = ",", decimal: str = ".", bom: bool = False) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    writer.writerow(rows[0].keys())
    for row in rows:
        writer.writerow([v.replace(".", decimal) if k != "wijk_name" else v for k, v in row.items()])
    return (b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8")


def problems_of(content: bytes, lang: str = "nl") -> list[str]:
    with pytest.raises(ScanRefused) as err:
        read_scan(content)
    return [describe(p, translator(lang), lang) for p in err.value.problems]


# --- search -----------------------------------------------------------------------------------


def test_aliases_find_the_official_names():
    table = wijken.places()
    den_haag = search.matches(table, "Den Haag")
    assert den_haag and all(p.gemeente == "'s-Gravenhage" for p in den_haag)
    assert len(den_haag) == sum(p.gemeente == "'s-Gravenhage" for p in table)  # every one of them
    assert {p.gemeente for p in search.matches(table, "den bosch")} >= {"'s-Hertogenbosch"}
    # apostrophes, hyphens, accents and case do not matter
    assert search.matches(table, "’s-gravenhage") == search.matches(table, "S GRAVENHAGE") == den_haag
    assert search.normalise("Súdwest-Fryslân") == "sudwest fryslan"


def test_every_match_in_pages_with_the_municipality_first():
    found = search.matches(wijken.places(), "amsterdam")
    in_amsterdam = sum(p.gemeente == "Amsterdam" for p in wijken.places())
    assert in_amsterdam > 100  # 108 wijken: once cut to 50 without a word
    assert [p.gemeente for p in found[:in_amsterdam]] == ["Amsterdam"] * in_amsterdam
    assert len(found) > in_amsterdam  # also Amstelveen's Amsterdamse Bos, after them
    pages = [search.page_of(found, i) for i in range(search.page_of(found, 0).pages)]
    assert [p for page in pages for p in page.items] == found
    last = pages[-1]
    assert search.count_text(pages[0], NL, "nl") == f"1–20 van {len(found)}"
    assert (last.start, last.end) == (20 * (len(pages) - 1) + 1, len(found))
    assert search.page_of(found, 99) == last  # beyond the end: the last page
    assert search.page_of([], 0).start == 0 and search.matches(wijken.places(), "  ") == []


def test_several_words_and_codes_match():
    assert [p.code for p in search.matches(wijken.places(), "groningen centrum")] == ["WK001400"]
    assert all(p.code.startswith("WK0014") for p in search.matches(wijken.places(), "wk0014"))


def test_no_match_names_the_coverage_computed_from_the_table():
    assert search.matches(wijken.places(), "Rotterdam") == []
    rows = [r for r in shipped_rows() if all(r[c] for c in REQUIRED_COLUMNS)]
    names = sorted({r["gemeente_name"] for r in rows}, key=search.sort_name)
    assert names[0] == "Aa en Hunze" and names[-1] == "Losser"  # 's-Gravenhage sorts under G
    cov = wijken.coverage()
    assert (cov.wijken, cov.gemeenten, cov.first, cov.last) == (len(rows), len(names), names[0], names[-1])
    text = search.no_match_message("Rotterdam ", cov, NL, "nl")
    assert "‘Rotterdam’" in text and "Aa en Hunze" in text and "Losser" in text
    assert f"{len(rows) // 1000}.{len(rows) % 1000:03d} wijken" in text  # Dutch thousands point
    assert f"{len(names)} gemeenten" in text and "eigen scan" in text


# --- reading an uploaded scan --------------------------------------------------------------------


@pytest.mark.parametrize(("sep", "decimal", "bom"), [(",", ".", False), (";", ",", True), (";", ".", False)])
def test_separators_decimal_commas_and_a_bom(sep, decimal, bom):
    rows = shipped_rows()[:5]
    got = read_scan(as_csv(rows, sep, decimal, bom))
    assert [dict(r)["wijk_code"] for r in got] == [r["wijk_code"] for r in rows]
    assert [float(dict(r)["pct_social_housing"]) for r in got] == [
        float(r["pct_social_housing"]) for r in rows
    ]


def test_excel_sep_line_and_thousands_points():
    row = shipped_rows()[0]
    text = as_csv([row], ";", ",").decode()
    text = text.replace(row["population"].replace(".", ","), "24.920,0")
    got = dict(read_scan(("sep=;\r\n" + text).encode())[0])
    assert got["population"] == "24920.0"


def test_an_uploaded_row_gives_the_parameters_of_the_same_row_read_from_a_file(tmp_path):
    row = shipped_rows()[3]
    uploaded = read_scan(as_csv([row], ";", ",", bom=True))[0]
    from_file = RunSpec(preset=None, scan=str(SHIPPED_TABLE), wijk=row["wijk_code"]).resolve()
    as_content = RunSpec(preset=None, scan_row=uploaded).resolve()
    assert as_content[0] == from_file[0]
    assert as_content[1]["scan_row_sha256"] == row_sha256(uploaded) and "scan_file" not in as_content[1]
    # The one-row file the export offers reproduces the run from the command line, with that hash.
    single = tmp_path / "eigen-scan.csv"
    single.write_text(row_csv(uploaded), encoding="utf-8")
    assert hashlib.sha256(single.read_bytes()).hexdigest() == row_sha256(uploaded)
    assert RunSpec(preset=None, scan=str(single), wijk=row["wijk_code"]).resolve()[0] == from_file[0]
    assert read_row(single, row["wijk_code"])["population"] == dict(uploaded)["population"]


def test_errors_name_row_and_column_in_dutch():
    rows = [dict(r) for r in shipped_rows()[:4]]
    rows[0]["age_15_24"] = "veel"
    rows[1]["pct_social_housing"] = "120"
    rows[2]["households"] = ""
    rows[3]["wijk_code"] = rows[0]["wijk_code"]
    found = problems_of(as_csv(rows, ";", ","))
    assert found[0] == "Rij 2, kolom ‘age_15_24’ (inwoners van 15 tot 25 jaar): ‘veel’ is geen getal."
    assert found[1].startswith("Rij 3, kolom ‘pct_social_housing’") and "tussen 0 en 100" in found[1]
    assert found[2].startswith("Rij 4, kolom ‘households’ (huishoudens): is leeg")
    assert found[3] == f"Rij 5, kolom ‘wijk_code’ (wijkcode): {rows[0]['wijk_code']} staat ook in rij 2."
    english = problems_of(as_csv(rows, ";", ","), "en")
    assert english[0] == "Row 2, column ‘age_15_24’ (residents aged 15–24): ‘veel’ is not a number."


def test_the_models_own_checks_refuse_impossible_rows():
    rows = [dict(r) for r in shipped_rows()[:2]]
    rows[0]["origin_outside_europe"] = str(float(rows[0]["population"]) + 1)
    rows[1]["urbanity_1_5"] = "7"
    found = problems_of(as_csv(rows))
    assert "meer inwoners in deze groep dan er in de wijk wonen" in found[0] and "Rij 2" in found[0]
    population = number(float(rows[0]["population"]), "nl", 12)  # as Dutch writes it: 24.920, not 24920.0
    assert found[0].endswith(f"({population}).") and "." in population
    assert found[1].startswith("Rij 3, kolom ‘urbanity_1_5’") and "van 1" in found[1]


def test_files_that_are_not_a_scan():
    too_big = ["Het bestand is groter dan 1 MB; een scan mag hoogstens 1 MB zijn."]
    assert problems_of(b"x" * (MAX_BYTES + 1)) == too_big
    assert "geen tekstbestand" in problems_of(b"PK\x03\x04\x00\x00binary")[0]
    assert "geen UTF-8" in problems_of("wijk_code;population\né;1".encode("latin-1"))[0]
    assert problems_of(b"") == ["Het bestand is leeg."]
    missing = problems_of(b"wijk_code;population\nWK1;100\n")
    named = "‘age_0_14’ (inwoners van 0 tot 15 jaar), "  # each missing column with what it means
    assert missing[0].startswith(f"Rij 1: de kopregel mist de kolom(men) {named}")
    header = ",".join(shipped_rows()[0].keys()).encode()
    assert problems_of(header + b"\n") == ["Het bestand heeft geen wijken onder de kopregel."]
    row = shipped_rows()[0]
    wrong = as_csv([row], ",", ",").decode().replace('"', "")  # decimal commas in a comma file, unquoted
    assert "kopregel heeft er" in problems_of(wrong.encode())[0]


def test_nothing_is_written_to_disk(monkeypatch):
    """Reading, validating and resolving an uploaded row, and its export, open no file for writing."""
    rows = shipped_rows()[:3]
    content = as_csv(rows, ";", ",")
    real_open, real_os_open = builtins.open, os.open
    written = []

    def guarded_open(file, mode="r", *args, **kwargs):
        if any(c in mode for c in "wax+"):
            written.append(file)
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            written.append(path)
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    row = read_scan(content)[1]
    setting = runner.Setting(upload=row, residents=300, years=1, replications=2)
    params = runner.validate_overrides(setting, {})
    assert params["residents"] == 300
    assert runner.own_values("default", None, row) == runner.own_values("default", None, row)
    record = json.dumps(run_record(setting, [("A", {})], "test"))
    assert written == []
    assert row_sha256(row) in record and dict(row)["population"] not in record  # the hash, not the row
    code = dict(row)["wijk_code"]
    assert f"--scan eigen-scan.csv --wijk {code}" in command_line(setting, [("A", {})])
    assert setting.spec({}).scan is None  # never a path


def test_caches_are_keyed_on_the_rows_content():
    a, b = read_scan(as_csv(shipped_rows()[:2]))
    same = read_scan(as_csv(shipped_rows()[:2], ";", ","))[0]
    assert runner.Setting(upload=a) == runner.Setting(upload=same) != runner.Setting(upload=b)
    assert hash(runner.Setting(upload=a)) == hash(runner.Setting(upload=same))
    rural = tuple((c, "5" if c == "urbanity_1_5" else v) for c, v in a)  # same code, other content
    assert runner.own_values("default", None, a) != runner.own_values("default", None, rural)


def test_the_differences_csv_records_the_rows_hash():
    import pandas as pd

    d = pd.DataFrame(
        [{"scenario": "A", "year": 1, "indicator": "cost_total_eur", "baseline": 1.0, "scenario_mean": 2.0,
          "difference": 1.0, "ci_low": 0.5, "ci_high": 1.5}]
    )  # fmt: skip
    row = read_scan(as_csv(shipped_rows()[:1]))[0]
    text = differences_csv(d, "nl", NL, row_sha256(row))
    assert text.splitlines()[0].endswith(";scanrij (sha256)") and text.splitlines()[1].endswith(
        row_sha256(row)
    )
    assert "sha256" not in differences_csv(d, "nl", NL)


def test_the_page_searches_as_one_types_and_a_match_is_chosen_with_a_click():
    import ipyvuetify as v
    import solara
    from wijksim.viz.app import Page

    box, rc = solara.render(Page(), handle_error=False)
    try:
        field = next(w for w in rc.find(v.TextField).widgets if (w.label or "").startswith("Zoek een echte"))
        field.v_model = "Den Haag"  # no Enter, no leaving the field
        labels = [b.children[0] for b in rc.find(v.Btn).widgets if "'s-Gravenhage — " in str(b.children)]
        assert len(labels) == search.PER_PAGE
        assert rc.find(v.Html, class_="search-status").widget.attributes["aria-live"] == "polite"
        rc.find(v.Btn, children=[labels[0]]).widget.click()
        assert labels[0] in str(rc.find(v.Alert, class_="chosen-wijk").widget.children)
        field.v_model = "Utrecht"
        assert "Geen wijk gevonden voor ‘Utrecht’" in str(
            rc.find(v.Alert, class_="search-none").widget.children
        )
    finally:
        rc.close()


def test_a_thousands_point_without_decimals_in_a_dutch_file_is_a_thousand():
    from wijksim.viz.upload import plain_number

    assert plain_number("19.890", dutch=True) == "19890"  # Dutch Excel: nineteen thousand
    assert plain_number("19.890") == "19.890"  # a comma-separated file writes decimal points
    assert plain_number("12.5", dutch=True) == "12.5"  # not a group of three: a decimal point
    row = shipped_rows()[0]
    households = int(float(row["households"]))
    assert households >= 1000  # so that it has a thousands point
    head, cells = as_csv([row], ";", ",").decode().splitlines()
    cells = cells.split(";")
    cells[head.split(";").index("households")] = f"{households:,}".replace(",", ".")  # as Excel shows it
    got = dict(read_scan(f"{head}\n{';'.join(cells)}\n".encode())[0])
    assert float(got["households"]) == households
