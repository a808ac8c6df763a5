# Set-up and everyday commands. `make run` and `make test` work on a fresh machine.
PY312 := $(shell for p in python3.12 "$$(pyenv root 2>/dev/null)/versions/3.12.1/bin/python3.12" /usr/bin/python3.12 /usr/local/bin/python3.12; do \
           $$p -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
YEARS ?= 10
OUT ?= runs/default-$(shell date +%Y%m%d-%H%M%S)

.PHONY: run test test-fast fuzz lint typecheck bench docs app offline-assets chromium clean-venv

$(VENV)/.installed: pyproject.toml
	@test -n "$(PY312)" || { echo "Python 3.12 not found (Mesa 3.5 needs it): install it, e.g. with pyenv"; exit 1; }
	test -x $(VENV)/bin/python || $(PY312) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e ".[dev]"
	$(MAKE) -s offline-assets
	touch $@

# The workshop app runs offline: Solara's front-end comes from solara-assets; KaTeX (which Solara's
# Markdown loads) is not in it, so it is unpacked from the npm registry into Solara's CDN cache.
# The charts use plotly.js's basic build (viz/chart_bundle.py) at the version the installed plotly
# ships, from the npm registry too (fetched again when plotly's version changes).
CDN := $(VENV)/share/solara/cdn
PLOTLY_BASIC := $(VENV)/share/wijksim/plotly-basic.min.js
PLOTLY_JS_VERSION = $(VENV)/bin/python -c "from wijksim.viz.chart_bundle import FULL_FILE, plotly_js_version as v; print(v(FULL_FILE))"
offline-assets:
	@test -f $(CDN)/katex@0.16.9/dist/contrib/auto-render.min.js || { \
	  tmp=$$(mktemp -d) && (cd $$tmp && npm pack katex@0.16.9 --silent >/dev/null && tar xzf katex-0.16.9.tgz) \
	  && mkdir -p $(CDN)/katex@0.16.9 && cp -r $$tmp/package/. $(CDN)/katex@0.16.9/ && rm -rf $$tmp; }
	@version=$$($(PLOTLY_JS_VERSION)) && test -n "$$version" && { \
	  head -c 300 $(PLOTLY_BASIC) 2>/dev/null | grep -q "v$$version" || { \
	    tmp=$$(mktemp -d) && (cd $$tmp && npm pack plotly.js-basic-dist-min@$$version --silent >/dev/null \
	      && tar xzf plotly.js-basic-dist-min-$$version.tgz) \
	    && mkdir -p $$(dirname $(PLOTLY_BASIC)) && cp $$tmp/package/plotly-basic.min.js $(PLOTLY_BASIC) \
	    && cp $$tmp/package/LICENSE $$(dirname $(PLOTLY_BASIC))/plotly.js-LICENSE && rm -rf $$tmp; }; }

run: $(VENV)/.installed
	$(VENV)/bin/wijksim run --preset default --years $(YEARS) --out $(OUT)

# `worksteal`: a worker whose queue is done takes tests queued behind another's long one (tests/conftest.py
# starts ABC recovery first, which alone takes minutes).
test: $(VENV)/.installed offline-assets chromium
	$(VENV)/bin/ruff check .
	$(VENV)/bin/python -m pytest -n 2 --dist worksteal -m "not fuzz"

# The long fuzz of the command line (400 examples, about 6 minutes; `make test` runs 30).
fuzz: $(VENV)/.installed
	$(VENV)/bin/python -m pytest -m fuzz

# The everyday loop: everything but the slow tests, the browser and Dask (`make test` runs them all).
test-fast: $(VENV)/.installed offline-assets
	$(VENV)/bin/python -m pytest -n 2 -m "not slow and not browser and not dask"

lint: $(VENV)/.installed typecheck
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

# mypy on the model. The package maps folders to import names (model/ is wijksim.model), which mypy
# cannot read from an editable install: it checks a tree of links with the import names instead.
TYPECHECK := .typecheck
typecheck: $(VENV)/.installed
	@rm -rf $(TYPECHECK) && mkdir -p $(TYPECHECK)/wijksim
	@for d in model agents experiments viz calibration; do ln -s ../../$$d $(TYPECHECK)/wijksim/$$d; done
	@for f in wijksim/*.py; do ln -s ../../$$f $(TYPECHECK)/wijksim/; done
	@ln -s ../../wijksim/cli $(TYPECHECK)/wijksim/cli
	cd $(TYPECHECK) && ../$(VENV)/bin/mypy -p wijksim.model -p wijksim.agents

bench: $(VENV)/.installed
	$(VENV)/bin/python benchmarks/bench_core.py

clean-venv:
	rm -rf $(VENV)

docs: $(VENV)/.installed
	$(VENV)/bin/python scripts/update_odd_table.py
	$(VENV)/bin/python scripts/update_patterns_doc.py

app: $(VENV)/.installed offline-assets
	$(VENV)/bin/wijksim app --lang nl

# The browser tests drive Debian's Chromium (Playwright downloads no browser here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
