"""Regenerate the generated tables of docs/ODD.md from the registries (`make docs`): the parameter
table (§10) from the parameter registry, the indicator table (§8) from the indicator registry."""

from pathlib import Path

from wijksim.model.indicators.registry import markdown_table as indicator_table
from wijksim.model.params import markdown_table as parameter_table

TABLES = {
    "params": parameter_table,
    "indicators": indicator_table,
}


def render(text: str) -> str:
    for name, table in TABLES.items():
        start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        text = f"{head}{start}\n{table()}{end}{tail}"
    return text


if __name__ == "__main__":
    odd = Path(__file__).resolve().parents[1] / "docs" / "ODD.md"
    odd.write_text(render(odd.read_text()))
    print(f"updated {odd}")
