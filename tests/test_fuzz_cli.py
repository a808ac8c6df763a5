"""Fuzzing the command line (issue 22): Hypothesis draws argument lists for every command, mixing
valid and invalid flags, values, paths and files (binary, empty, huge numbers, NaN, unicode). Each
call runs the installed `wijksim` in a subprocess with a timeout; sizes are bounded so that a valid
call stays small. Whatever the arguments, a call ends with exit 0, exit 2 (`error: FIELD=VALUE:
reason`), or exit 1 naming a log file; never with a traceback on stderr, never leaving a
half-written output or a temporary folder behind.

`make test` runs a bounded number of examples (30, about 40 s); `make fuzz` runs the test marked `slow`
and `fuzz` with 400 (about 6 minutes)."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wijksim.model.scan import SHIPPED_TABLE

BIN = Path(sys.executable).parent / "wijksim"
TIMEOUT = 240

#: Values that are wrong in every way a user manages: empty, negative, huge, NaN, text, unicode.
BAD_NUMBERS = ["", "-1", "0", "nan", "inf", "-inf", "1e999", "99999999999999999999999", "x", "1,5", "١٢", "½"]
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)

FILES = {
    "binary": lambda d: (d / "binary.dat").write_bytes(os.urandom(2000)),
    "empty": lambda d: (d / "empty.csv").write_bytes(b""),
    "unicode": lambda d: (d / "unicode.txt").write_text("wijk_code,population\nWK€,ⅻ\n", encoding="utf-8"),
    "latin1": lambda d: (d / "latin1.csv").write_bytes(
        "wijk_code,naam\nWK1,Zuidoost café\n".encode("latin-1")
    ),
    "scan": None,  # one row of the shipped table (a valid scan)
    "scan_nan": None,  # the same row with NaN, negative and huge cells
    "design": lambda d: (d / "design.toml").write_text(
        'preset = "default"\nresidents = 200\nyears = 1\nseed = 1\nreplications = 1\nsampler = "grid"\n'
        "[grid]\nkey_facility = [false, true]\n"
    ),
    "design_bad": lambda d: (d / "design_bad.toml").write_text(
        "residents = 1e400\nyears = nan\n[grid]\nflex_team = ['a', -1]\n"
    ),
    "params": lambda d: (d / "params.json").write_text(json.dumps({"life_event_rate": 0.3})),
    "params_bad": lambda d: (d / "params_bad.json").write_text(
        '{"parameters": {"life_event_rate": NaN, "x": 1}}'
    ),
    "folder": lambda d: (d / "folder").mkdir(),
    "users_folder": lambda d: ((d / "users").mkdir(), (d / "users" / "summary.json").write_text("mine")),
}


def make_files(d: Path) -> None:
    for make in FILES.values():
        if make is not None:
            make(d)
    with open(SHIPPED_TABLE, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        row = next(r for r in reader if r["wijk_code"] == "WK001403")
        fields = reader.fieldnames
    for name, cells in (
        ("scan", {}),
        ("scan_nan", {"age_65_plus": "nan", "households": "-3", "population": "1e300"}),
    ):
        with open(d / f"{name}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=fields)
            w.writeheader()
            w.writerow({**row, **cells})


_SWEEP: list[Path] = []


def a_sweep(d: Path) -> None:
    """A finished small sweep in d/sweep (made once, copied), for sensitivity and discover."""
    import shutil

    if not _SWEEP:
        made = Path(tempfile.mkdtemp(prefix="wijksim-fuzz-sweep-")) / "sweep"
        design = made.parent / "design.toml"
        FILES["design"](made.parent)
        subprocess.run([str(BIN), "sweep", str(design), "--out", str(made)], check=True, capture_output=True)
        _SWEEP.append(made)
    shutil.copytree(_SWEEP[0], d / "sweep")


def paths(d: Path) -> list[str]:
    return [
        *(str(p) for p in sorted(d.iterdir())),
        str(d / "missing.csv"),
        "",
        "/proc/wijksim/x",
        str(d / "binary.dat" / "below"),
        str(d / "new" / "deeper"),
        "/",
    ]


def out_values(d: Path) -> list[str]:
    return [
        str(d / "out"),
        str(d / "out"),
        "",
        str(d / "binary.dat"),
        str(d / "users"),
        "/proc/x/y",
        str(d / "binary.dat" / "sub"),
        str(d / "folder"),
    ]


#: Per command: flags that keep a valid call small (always given first; a drawn flag may override
#: them with an invalid value, never a larger valid one), and the flags to draw from.
def command_pools(d: Path) -> dict[str, tuple[list[str], dict[str, list[str]]]]:
    files, outs = paths(d), out_values(d)
    numbers = ["1", "2", *BAD_NUMBERS]
    seeds = ["1", "0", "-1", "18446744073709551616", "x", "1.5"]
    size = ["--residents", "200", "--years", "1"]
    model = {
        "--preset": ["default", "deprived", "nope", "", "DEFAULT"],
        "--scan": files,
        "--wijk": ["WK001403", "", "WK999999", "ⅻ"],
        "--residents": ["200", *BAD_NUMBERS],
        "--years": ["1", *BAD_NUMBERS, "201"],
        "--seed": seeds,
        "--set": [
            "life_event_rate=0.3",
            "life_event_rate=nan",
            "x=1",
            "=",
            "residents=1e12",
            "key_facility=maybe",
            "life_event_rate",
        ],
        "--out": outs,
    }
    return {
        "run": (
            size,
            {
                **model,
                "--change": ["1:specialist_capacity_factor=1", "0:x=1", "5:residents=3", "a:b"],
                "--params": files,
                "--demography": ["stationary", "projected", "x"],
                "--network-developers": ["0.5", *BAD_NUMBERS],
                "--key-facility": [],
                "--force": [],
            },
        ),
        "compare": (
            [*size, "--replications", "1", "--scenario", "a: --key-facility", "--out", str(d / "out")],
            {
                **model,
                "--scenario": ["a: --key-facility", "b: --flex-team 1", "bad", "a: --flex-team -1", ""],
                "--replications": ["1", *BAD_NUMBERS],
                "--workers": ["1", *BAD_NUMBERS],
            },
        ),
        "sweep": (
            [str(d / "design.toml"), "--out", str(d / "out")],
            {
                "": files,
                "--out": outs,
                "--workers": ["1", *BAD_NUMBERS],
                "--backend": ["processes", "x", ""],
                "--scheduler": ["notaurl", ""],
                "--resume": [],
            },
        ),
        "sensitivity": (
            [],
            {"": files, "--indicator": ["isolated_share", "x", ""], "--year": numbers, "--out": outs},
        ),
        "discover": (
            [],
            {
                "": files,
                "--outcome": ["isolated_share", "x", ""],
                "--below": numbers,
                "--above": numbers,
                "--year": numbers,
                "--out": outs,
            },
        ),
        "validate": (
            [
                "--residents",
                "200",
                "--replications",
                "1",
                "--workers",
                "1",
                "--out",
                str(d / "out"),
                "--params",
                str(d / "params.json"),
                "--wijken",
                "WK001403",
            ],
            {
                "--params": files,
                "--wijken": ["WK001403", "", "x,y", *files],
                "--out": outs,
                "--scan": files,
                "--residents": ["200", *BAD_NUMBERS],
                "--seed": seeds,
                "--force": [],
            },
        ),
        "calibrate": (
            [
                "--budget",
                "2",
                "--residents",
                "200",
                "--workers",
                "1",
                "--method",
                "optuna",
                "--out",
                str(d / "out"),
            ],
            {
                "--wijk": ["WK001403", "", "x"],
                "--wijken": ["WK001403", *files],
                "--out": outs,
                "--method": ["optuna", "x", ""],
                "--budget": ["2", *BAD_NUMBERS],
                "--scan": files,
                "--prior": ["life_event_rate=0.1:0.3", "x=1:2", "life_event_rate=0.3:0.1", "a"],
                "--parameters": ["loneliness_score_cut", "x", ""],
                "--seed": seeds,
            },
        ),
        "patterns": (
            ["--only", "level_lonely", "--replications", "1", "--robustness", "0", "--residents", "200"],
            {
                "--only": ["level_lonely", "x", "", ","],
                "--replications": ["1", *BAD_NUMBERS],
                "--robustness": ["0", *BAD_NUMBERS],
                "--seed": seeds,
                "--workers": ["1", *BAD_NUMBERS],
                "--out": outs,
            },
        ),
        # A valid `app` call would serve until stopped: every drawn call ends with a bad --lang.
        "app": (
            [],
            {
                "--port": ["0", "70000", "x", "8765"],
                "--host": ["", "not an address", "::1"],
                "--allow-host": ["", "a/b", "beamer.local"],
                "--lang": ["xx"],
            },
        ),
        "params": ([], {"--format": ["table", "json", "x", ""]}),
        "indicators": ([], {"--format": ["table", "json", "x"]}),
        "presets": ([], {"--format": ["json", "yaml"]}),
    }


@st.composite
def calls(draw, d: Path):
    pools = command_pools(d)
    command = draw(st.sampled_from(sorted(pools)))
    fixed, flags = pools[command]
    args = [command, *fixed]
    for _ in range(draw(st.integers(0, 5))):
        if flags and draw(st.integers(0, 9)) > 0:
            flag = draw(st.sampled_from(sorted(flags)))
            values = flags[flag]
        else:  # an unknown flag or a stray word
            flag, values = draw(st.sampled_from(["--bogus", "-x", "--out=", "--", "extra"])), []
        if flag == "":
            args.append(draw(st.sampled_from(values)))
        elif values:
            args += [
                flag,
                draw(st.one_of(st.sampled_from(values), TEXT))
                if draw(st.integers(0, 9)) == 0
                else draw(st.sampled_from(values)),
            ]
        else:
            args.append(flag)
    if command == "app":
        args += ["--lang", "xx"]
    return args


def check_call(args: list[str], d: Path, home: Path) -> None:
    before = {
        p.name: sorted(q.name for q in p.iterdir()) if p.is_dir() else p.stat().st_size for p in d.iterdir()
    }
    env = {**os.environ, "XDG_CACHE_HOME": str(home), "COLUMNS": "120"}
    try:
        res = subprocess.run(
            [str(BIN), *args], capture_output=True, text=True, cwd=d, env=env, timeout=TIMEOUT
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"wijksim {args!r} ran over {TIMEOUT} s (sizes should keep a valid call small)")
    said = f"wijksim {args!r} -> {res.returncode}\n{res.stderr[-3000:]}"
    assert "Traceback" not in res.stderr, said
    assert res.returncode in (0, 1, 2), said
    if res.returncode == 1:
        logs = re.findall(r"The details are in (\S+?);", res.stderr)
        assert logs and Path(logs[0]).is_file(), said
        pytest.fail(f"a bug (not an input error): {said}\n{Path(logs[0]).read_text()[-3000:]}")
    if res.returncode == 2:
        assert res.stderr.startswith("error: ") or "Usage:" in res.stderr or "Error" in res.stderr, said
        # nothing written: every file and folder the user had is as it was, nothing new appeared
        after = {
            p.name: sorted(q.name for q in p.iterdir()) if p.is_dir() else p.stat().st_size
            for p in d.iterdir()
        }
        assert after == before, said
    leftovers = list(d.rglob(".wijksim-*"))
    assert leftovers == [], said


def _fuzz(max_examples: int):
    base = Path(tempfile.mkdtemp(prefix="wijksim-fuzz-"))
    home = base / "cache"

    @settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @given(st.data())
    def run(data):
        d = Path(tempfile.mkdtemp(dir=base))
        make_files(d)
        a_sweep(d)
        check_call(data.draw(calls(d)), d, home)

    run()


def test_fuzz_the_command_line_bounded():
    _fuzz(int(os.environ.get("WIJKSIM_FUZZ_EXAMPLES", "30")))


@pytest.mark.slow
@pytest.mark.fuzz
def test_fuzz_the_command_line_many():
    _fuzz(400)
