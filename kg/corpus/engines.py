"""Where articles are built: in this process, in local worker processes, or on Dask.

Every engine runs the same function (`kg.corpus.shard.build_batch`) over batches of articles and
yields the results as they finish; the order does not matter, because the outputs are
merged in sorted order afterwards, so every engine gives byte-identical files. Batches
are submitted a few at a time (at most `2 * workers` in flight), so memory stays flat
however large the corpus is.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from functools import partial
from itertools import islice

from kg.corpus.inputs import Article
from kg.corpus.shard import ShardResult, build_batch, warm
from kg.errors import KgError

Batch = list[Article]


def _warm_worker() -> None:
    """Process initializer: jieba and the lexicon load once, before the first article."""
    warm()


class LocalEngine:
    """`--workers N` processes on this machine (N = 1: this process, no pool)."""

    def __init__(self, workers: int = 1, tagger: str | None = None) -> None:
        if workers < 1:
            raise KgError("--workers must be at least 1")
        self.workers = workers
        self.build = partial(build_batch, tagger=tagger)

    def close(self) -> None:
        """Nothing to release: the pool lives only while `run` iterates."""

    def run(self, batches: Iterable[Batch]) -> Iterator[list[ShardResult]]:
        """The results of each batch, in the order they finish."""
        if self.workers == 1:
            for batch in batches:
                yield self.build(batch)
            return
        ctx = multiprocessing.get_context("spawn")  # no fork of a threaded parent
        with ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_warm_worker) as pool:
            pending = set()
            for batch in batches:
                pending.add(pool.submit(self.build, batch))
                if len(pending) >= 2 * self.workers:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in done:
                        yield fut.result()
            for fut in pending:
                yield fut.result()


class DaskEngine:
    """Dask distributed: a local cluster of `workers` processes, or the given scheduler."""

    def __init__(self, workers: int = 1, scheduler: str | None = None, tagger: str | None = None) -> None:
        self.build = partial(build_batch, tagger=tagger)
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise KgError("--engine dask needs the dask extra: pip install 'kg[dask]'") from exc
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=50)
                self.client = Client(self.cluster)
        except OSError as exc:
            raise KgError(f"dask scheduler {scheduler or 'local'}: not reachable ({exc})") from exc
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)

    def run(self, batches: Iterable[Batch]) -> Iterator[list[ShardResult]]:
        """The results of each batch, in the order they finish."""
        from distributed import as_completed

        self.client.run(_warm_worker)
        it = iter(batches)
        first = [self.client.submit(self.build, b, pure=False) for b in islice(it, 2 * self.workers)]
        queue = as_completed(first)
        for fut in queue:
            yield fut.result()
            fut.release()
            nxt = next(it, None)
            if nxt is not None:
                queue.add(self.client.submit(self.build, nxt, pure=False))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(name: str = "local", workers: int = 1, scheduler: str | None = None,
                tagger: str | None = None):
    """The engine called `name` (local or dask), its articles read with the second-opinion
    `tagger` when one is given; Dask engines must be closed after use."""
    if name == "dask":
        return DaskEngine(workers, scheduler, tagger)
    if scheduler:
        raise KgError("--scheduler needs --engine dask")
    return LocalEngine(workers, tagger)
