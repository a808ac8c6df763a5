"""Regenerate the per-pattern sections of docs/patterns.md from the battery's definitions
(`make docs`); a test fails when the two drift apart. The prose around them, and the measured table,
are written by hand."""

from pathlib import Path

from wijksim.experiments.patterns.battery import BATTERY

START, END = "<!-- patterns:start -->", "<!-- patterns:end -->"


def sections() -> str:
    out, group = [], None
    for p in BATTERY:
        if p.group != group:
            group = p.group
            out.append(f"### {group.capitalize()}\n")
        needs = (
            f" Needs: {', '.join(f'`{n}`' for n in p.needs)} (measurable from {p.measurable_from})."
            if p.needs
            else ""
        )
        robust = "" if p.in_robustness else " Not evaluated in the robustness sets (their cost)."
        out.append(
            f"#### `{p.name}`\n\n{p.meaning}\n\n"
            f"- **Source:** {p.source}\n"
            f"- **Statistic:** {p.statistic}.\n"
            f"- **Target:** {p.target.text()}. **Role:** {p.role}.{needs}{robust}\n"
        )
    return "\n".join(out)


def render(text: str) -> str:
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{sections()}{END}{tail}"


if __name__ == "__main__":
    doc = Path(__file__).resolve().parents[1] / "docs" / "patterns.md"
    doc.write_text(render(doc.read_text()))
    print(f"updated {doc}")
