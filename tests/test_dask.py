"""Sweeps on a Dask cluster: a real scheduler and real worker processes give the same tables as
the process pool, tune every worker, and survive a worker's death."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import SMALL, free_port, tables
from wijksim.experiments import api
from wijksim.experiments.design import Design

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.dask


@pytest.fixture
def dask_cluster():
    """A real scheduler and two real worker processes on 127.0.0.1."""
    port = free_port()
    addr = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    procs = [
        subprocess.Popen(
            [BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
    ]
    workers = [
        subprocess.Popen(
            [
                BIN / "dask",
                "worker",
                addr,
                "--nthreads",
                "1",
                "--nworkers",
                "1",
                "--no-dashboard",
                "--host",
                "127.0.0.1",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        for _ in range(2)
    ]
    from distributed import Client

    deadline = time.time() + 60
    client = None
    while time.time() < deadline:
        try:
            client = client or Client(addr, timeout="2s")
            if len(client.scheduler_info()["workers"]) == 2:
                break
        except OSError:
            pass
        time.sleep(0.3)
    if client is not None:
        client.close()
    yield addr, workers
    for p in workers + procs:
        p.kill()
        p.wait()


def test_dask_scheduler_with_two_workers_gives_identical_tables(tmp_path, reference, dask_cluster):
    addr, _ = dask_cluster
    api.sweep(SMALL, tmp_path / "dk", backend="dask", scheduler=addr)
    params, results = tables(tmp_path / "dk")
    assert params.equals(reference[0]) and results.equals(reference[1])
    # Long sweeps send several runs per task: each run still arrives once, with the same rows.
    from distributed import Client, get_task_stream
    from wijksim.experiments.dask_backend import run_dask, runs_per_task
    from wijksim.experiments.sweep import plan
    from wijksim.experiments.tasks import results_frame

    tasks, _ = plan(Design.from_dict(SMALL))
    with Client(addr, timeout="5s") as client, get_task_stream(client) as stream:
        rows = [row for run in run_dask(tasks, client, batch=3) for row in run]
    assert sorted(t["key"] for t in stream.data) == [  # runs 0-2, 3-5 and 6-7
        f"wijksim-runs-{a}-{b}-{tasks[a][2]}" for a, b in ((0, 2), (3, 5), (6, 7))
    ]
    batched = results_frame(rows).sort_values(["run_id", "year"]).reset_index(drop=True)
    assert batched.equals(reference[1])
    assert [runs_per_task(n, 2) for n in (8, 16, 40, 1000)] == [1, 1, 2, 4]


def test_connecting_tunes_every_dask_worker_also_those_that_join_later(dask_cluster):
    """The GIL switch interval is the visible half of `tune_worker` (the other half, glibc's
    malloc thresholds, cannot be read back)."""
    import sys

    from distributed import Client
    from wijksim.experiments.dask_backend import connect_dask

    addr, _ = dask_cluster
    with Client(addr, timeout="5s") as plain:  # fresh workers run with Python's default
        assert list(plain.run(sys.getswitchinterval).values()) == pytest.approx([0.005] * 2)
    client, cluster = connect_dask(2, addr)
    try:
        assert cluster is None
        assert list(client.run(sys.getswitchinterval).values()) == pytest.approx([0.05] * 2)
        late = subprocess.Popen(
            [BIN / "dask", "worker", addr, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            client.wait_for_workers(3, timeout=60)
            assert list(client.run(sys.getswitchinterval).values()) == pytest.approx([0.05] * 3)
        finally:
            late.kill()
            late.wait()
    finally:
        client.close()


def _parent_command() -> str:
    return Path(f"/proc/{os.getppid()}/cmdline").read_text().replace("\0", " ")


def test_local_cluster_workers_are_forked_from_a_server_that_has_the_model_imported():
    """Like the process pool's, the LocalCluster's workers come from the fork server with the model
    preloaded (spawned workers, each with its own copy, ran 2-6% slower two to a core)."""
    from wijksim.experiments.dask_backend import connect_dask
    from wijksim.experiments.workers import FORKSERVER_PRELOAD

    client, cluster = connect_dask(2, None)
    try:
        parents = list(client.run(_parent_command).values())
    finally:
        client.close()
        cluster.close()
    assert len(parents) == 2
    for command in parents:
        assert "multiprocessing.forkserver" in command, command
        # The model's modules: in a process that also ran the app's pool first (this test session),
        # its fork server preloads them without Dask (`workers.APP_PRELOAD`); the first pool decides.
        assert all(module in command for module in FORKSERVER_PRELOAD if module.startswith("wijksim")), (
            command
        )


def test_killing_a_dask_worker_mid_sweep_still_runs_everything_once(tmp_path, reference, dask_cluster):
    addr, workers = dask_cluster
    design = tmp_path / "d.toml"
    design.write_text(
        'preset = "deprived"\nresidents = 500\nyears = 3\nseed = 42\nreplications = 2\nsampler = "grid"\n'
        "[grid]\nnetwork_developers = [0, 1]\nkey_facility = [false, true]\n"
    )
    out = tmp_path / "kw"
    driver = subprocess.Popen(
        [BIN / "wijksim", "sweep", design, "--out", out, "--backend", "dask", "--scheduler", addr],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.time() + 60
    while time.time() < deadline and not list((out / "results").glob("part-*.parquet")):
        time.sleep(0.05)
    assert driver.poll() is None, "the worker must die while the sweep is still running"
    workers[0].kill()
    assert driver.wait(timeout=180) == 0, driver.stdout.read()
    params, results = tables(out)
    assert params.equals(reference[0]) and results.equals(reference[1])
