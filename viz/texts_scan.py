"""Dutch and English texts of the wijk search and the upload of a municipality's own scan (merged
into viz/i18n.py's TEXTS). Messages name the row as a spreadsheet numbers it and the column as the
file names it, with what the column means."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # search (viz/search.py)
    "search_label": (
        "Zoek een echte wijk (gemeente, wijknaam of code)",
        "Search a real wijk (municipality, wijk name or code)",
    ),
    "search_count": ("{start}–{end} van {total}", "{start}–{end} of {total}"),
    "search_none": (
        "Geen wijk gevonden voor ‘{query}’. De meegeleverde tabel bevat {wijken} wijken in {gemeenten} "
        "gemeenten: de gemeenten met CBS-kerncijfers 2024 in de gegevensbron, alfabetisch van {first} "
        "tot en met {last}, en niet elke gemeente daartussen. Staat uw gemeente er niet in? Laad dan "
        "hieronder uw eigen scan.",
        "No wijk found for ‘{query}’. The shipped table holds {wijken} wijken in {gemeenten} "
        "municipalities: those with CBS key figures 2024 in the data source, alphabetically from {first} "
        "to {last}, and not every municipality in between. Is yours not there? Load your own scan below.",
    ),
    "previous": ("Vorige", "Previous"),
    "next": ("Volgende", "Next"),
    "own_scan": ("eigen scan", "own scan"),
    # upload (viz/upload.py, viz/wijkpicker.py)
    "upload_title": ("Eigen scan van uw gemeente", "Your municipality's own scan"),
    "upload_label": ("Eigen scan (CSV-bestand, hoogstens 1 MB)", "Own scan (CSV file, at most 1 MB)"),
    "upload_help": (
        "Een CSV met de kolommen van de wijkscan (beschreven in de kalibratiehandleiding bij wijksim, "
        "docs/calibration.md, §1); komma of puntkomma, "
        "decimale komma mag. Het bestand blijft alleen in dit tabblad en wordt nergens opgeslagen.",
        "A CSV with the scan's columns (described in wijksim's calibration guide, docs/calibration.md, "
        "§1); comma or semicolon, decimal commas "
        "allowed. The file stays in this tab only and is stored nowhere.",
    ),
    "upload_reading": ("Bestand wordt gelezen…", "Reading the file…"),
    "upload_rows": ("{n} wijken gelezen uit uw scan.", "{n} wijken read from your scan."),
    "upload_pick": ("Wijk uit uw scan", "Wijk from your scan"),
    "upload_refused": ("Deze scan kan niet worden gebruikt:", "This scan cannot be used:"),
    "upload_remove": ("Eigen scan weghalen", "Remove own scan"),
    "download_scan_row": (
        "Scanrij van deze wijk (CSV, voor het commando hieronder)",
        "This wijk's scan row (CSV, for the command below)",
    ),
    "csv_scan_row_sha256": ("scanrij (sha256)", "scan row (sha256)"),
    "scan_at_row": ("Rij {row}", "Row {row}"),
    "scan_at_cell": ("Rij {row}, kolom {column}", "Row {row}, column {column}"),
    "scan_more": ("… en nog {n} fouten.", "… and {n} more problems."),
    "scan_too_big": (
        "het bestand is groter dan {limit} MB; een scan mag hoogstens {limit} MB zijn.",
        "the file is larger than {limit} MB; a scan may be at most {limit} MB.",
    ),
    "scan_binary": (
        "dit is geen tekstbestand; sla de scan op als ‘CSV UTF-8’.",
        "this is not a text file; save the scan as ‘CSV UTF-8’.",
    ),
    "scan_encoding": (
        "het bestand is geen UTF-8-tekst (byte {byte}); sla het op als ‘CSV UTF-8’.",
        "the file is not UTF-8 text (byte {byte}); save it as ‘CSV UTF-8’.",
    ),
    "scan_empty_file": ("het bestand is leeg.", "the file is empty."),
    "scan_not_received": (
        "het bestand kwam niet aan; kies het nog eens.",
        "the file did not arrive; choose it again.",
    ),
    "scan_no_rows": (
        "het bestand heeft geen wijken onder de kopregel.",
        "the file has no wijken below its header.",
    ),
    "scan_unreadable": (
        "geen leesbare CSV (klopt elk aanhalingsteken?).",
        "not readable as CSV (is every quote closed?).",
    ),
    "scan_missing_columns": (
        "de kopregel mist de kolom(men) {columns}.",
        "the header lacks the column(s) {columns}.",
    ),
    "scan_duplicate_column": (
        "deze kolom staat twee keer in de kopregel.",
        "this column is in the header twice.",
    ),
    "scan_extra_cells": (
        "{cells} cellen, maar de kopregel heeft er {expected} "
        "(een komma in een getal zonder aanhalingstekens?).",
        "{cells} cells, but the header has {expected} (a comma in a number without quotes?).",
    ),
    "scan_empty": ("is leeg; hier is een waarde nodig.", "is empty; a value is needed here."),
    "scan_duplicate_code": ("{value} staat ook in rij {other}.", "{value} is in row {other} as well."),
    "scan_not_number": ("‘{value}’ is geen getal.", "‘{value}’ is not a number."),
    "scan_negative": (
        "{value} kan niet: een aantal is nooit negatief.",
        "{value} is impossible: a count is never negative.",
    ),
    "scan_percent": (
        "{value} kan niet: een percentage ligt tussen 0 en 100.",
        "{value} is impossible: a percentage lies between 0 and 100.",
    ),
    "scan_over_population": (
        "{value} kan niet: meer inwoners in deze groep dan er in de wijk wonen ({population}).",
        "{value} is impossible: more residents in this group than live in the wijk ({population}).",
    ),
    "scan_urbanity": (
        "{value} kan niet: de stedelijkheid loopt van 1 (zeer sterk stedelijk) tot 5 (niet stedelijk).",
        "{value} is impossible: urbanity runs from 1 (very strongly urban) to 5 (not urban).",
    ),
    "scan_no_residents": (
        "{value} kan niet: een wijk heeft inwoners en huishoudens.",
        "{value} is impossible: a wijk has residents and households.",
    ),
    "scan_other": (
        "‘{value}’ kan niet worden doorgerekend ({reason}).",
        "‘{value}’ cannot be computed ({reason}).",
    ),
    # what the scan's columns mean (docs/calibration.md §1)
    "col:wijk_code": ("wijkcode", "wijk code"),
    "col:population": ("inwoners", "residents"),
    "col:age_0_14": ("inwoners van 0 tot 15 jaar", "residents aged 0–14"),
    "col:age_15_24": ("inwoners van 15 tot 25 jaar", "residents aged 15–24"),
    "col:age_65_plus": ("inwoners van 65 jaar en ouder", "residents aged 65+"),
    "col:households": ("huishoudens", "households"),
    "col:hh_one_person": ("eenpersoonshuishoudens", "one-person households"),
    "col:hh_with_children": ("huishoudens met kinderen", "households with children"),
    "col:pct_social_housing": ("% woningen van woningcorporaties", "% dwellings of housing associations"),
    "col:origin_europe_excl_nl": (
        "inwoners met herkomst elders in Europa",
        "residents born elsewhere in Europe",
    ),
    "col:origin_outside_europe": ("inwoners met herkomst buiten Europa", "residents born outside Europe"),
    "col:lonely_pct_18plus_2020": ("% eenzaam, 18 jaar en ouder", "% lonely, aged 18+"),
    "col:severely_lonely_pct_18plus_2020": (
        "% ernstig eenzaam, 18 jaar en ouder",
        "% severely lonely, aged 18+",
    ),
    "col:informal_carer_pct_18plus_2020": (
        "% mantelzorgers, 18 jaar en ouder",
        "% informal carers, aged 18+",
    ),
    "col:volunteer_pct_18plus_2020": ("% vrijwilligers, 18 jaar en ouder", "% volunteers, aged 18+"),
    "col:urbanity_1_5": ("stedelijkheid 1–5", "urbanity 1–5"),
}
