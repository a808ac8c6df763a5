"""The pattern report (`wijksim patterns`): the model's evidence in one command, with its statistics
fixed in advance (docs/patterns.md). `core` says what a pattern is, `arms` which runs the battery
needs, `catalog_system` and `catalog_people` the patterns, `runs` how the arms run, `battery` how
they are judged (and how robust the verdicts are), `report` the files."""
