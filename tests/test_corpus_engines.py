"""Every engine gives the same bytes: one process, local workers, Dask, other hash seeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.corpus.build import BuildOptions, build_corpus

TEXTS = [
    "省人大常委会召开会议\n　　本报讯 常委会主任王建华主持会议。副主任李明远出席。\n",
    "全省工作会议举行\n　　本报讯 会议由省长王建华主持，副省长孙立新作报告。\n",
    "省政协召开座谈会\n　　本报讯 座谈会由副主席赵晓峰主持，李明远出席。\n",
    "市委常委会召开会议\n　　本报讯 市委书记周文斌主持会议。\n",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for i, t in enumerate(TEXTS):
        (root / f"{i:02d}.txt").write_text(t, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> bytes:
    ttl, s = build_corpus([str(corpus)], tmp_path_factory.mktemp("ref"), BuildOptions(workers=1))
    assert s.built == len(TEXTS)
    return ttl.read_bytes()


def test_two_local_workers_give_the_same_bytes(corpus, reference, tmp_path):
    ttl, s = build_corpus([str(corpus)], tmp_path, BuildOptions(workers=2))
    assert s.built == len(TEXTS)
    assert ttl.read_bytes() == reference


def test_dask_local_cluster_gives_the_same_bytes(corpus, reference, tmp_path):
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    ttl, s = build_corpus([str(corpus)], tmp_path, BuildOptions(engine="dask", workers=2))
    assert (s.built, s.failed) == (len(TEXTS), [])
    assert ttl.read_bytes() == reference


def test_dask_with_a_scheduler_address(corpus, reference, tmp_path):
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        ttl, s = build_corpus([str(corpus)], tmp_path, BuildOptions(engine="dask", scheduler=cluster.scheduler_address))
    assert s.built == len(TEXTS)
    assert ttl.read_bytes() == reference


def test_other_processes_and_hash_seeds_give_the_same_bytes(corpus, reference, tmp_path):
    for seed in ("1", "4242"):
        out = tmp_path / seed
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out), "--quiet"],
                       check=True, env=env)
        assert (out / "graph.ttl").read_bytes() == reference
