"""The parameter registry: complete, self-consistent, and strict about bad values."""

import math

import pytest
from wijksim.model.params import LEVERS, REGISTRY, ParameterError, parse_set, validate
from wijksim.model.presets import PRESET_NAMES, check_presets, preset_values


def test_every_parameter_is_documented_and_its_default_in_range():
    for p in REGISTRY.values():
        assert p.unit and p.source and p.description, p.name
        assert p.name.isidentifier() and p.name == p.name.lower()
        if p.kind is not bool:
            assert p.low <= p.default <= p.high, p.name
            assert math.isfinite(p.default)
        if p.unit == "share":
            assert 0 <= p.low and p.high <= 1, p.name


def test_levers_are_registered_and_off_by_default():
    assert set(LEVERS) == {
        "network_developers",
        "key_facility",
        "flex_team",
        "specialist_capacity_factor",
        "neighbourhood_team_factor",
    }
    d = validate({})
    assert d["network_developers"] == 0 and d["flex_team"] == 0 and d["key_facility"] is False
    assert d["specialist_capacity_factor"] == 1.0 and d["neighbourhood_team_factor"] == 1.0


@pytest.mark.parametrize(
    "values, field",
    [
        ({"residents": 0}, "residents"),
        ({"residents": -5}, "residents"),
        ({"residents": 2.5}, "residents"),
        ({"share_social_housing": 1.7}, "share_social_housing"),
        ({"initial_lonely_share": -0.1}, "initial_lonely_share"),
        ({"no_such_param": 1}, "no_such_param"),
        ({"tie_decay_rate": float("nan")}, "tie_decay_rate"),
        ({"key_facility": "maybe"}, "key_facility"),
        ({"share_aged_0_24": 0.7, "share_aged_65_plus": 0.5}, "share_aged_65_plus"),
    ],
)
def test_bad_values_name_the_field(values, field):
    with pytest.raises(ParameterError) as err:
        validate(values)
    assert err.value.field == field
    assert field in str(err.value)


def test_parse_set_types_and_errors():
    got = parse_set(["flex_team=3", "key_facility=true", "life_event_rate=0.3"])
    assert got == {"flex_team": 3, "key_facility": True, "life_event_rate": 0.3}
    for bad in (["flex_team"], ["nope=1"], ["flex_team=three"], ["life_event_rate=7"]):
        with pytest.raises(ParameterError):
            parse_set(bad)


def test_presets_are_valid_and_distinct():
    check_presets()
    assert preset_values("default") == preset_values("middle-class")
    seen = set()
    for name in PRESET_NAMES:
        if name == "default":
            continue
        key = tuple(sorted(validate(preset_values(name)).items()))
        assert key not in seen, name
        seen.add(key)
    with pytest.raises(ParameterError, match="atlantis"):
        preset_values("atlantis")
    deprived, affluent = validate(preset_values("deprived")), validate(preset_values("affluent"))
    assert deprived["initial_complex_need_share"] > affluent["initial_complex_need_share"]
    assert deprived["mean_neighbourhood_ties"] < affluent["mean_neighbourhood_ties"]
    assert affluent["private_solution_share"] > deprived["private_solution_share"]
