"""Dask engine for `extract --dask`: the same work unit as local runs, on a cluster.

Files are sent in batches to workers (each worker process loads the spaCy
models once: `get_nlp` is cached per process); results come back in input
order, so a Dask run writes exactly what a local run writes. Inputs must be
readable by the workers (shared storage) under the same paths.
"""
from __future__ import annotations

from collections.abc import Iterator


def _client(address: str, timeout: str = "10s"):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # the optional extra is missing
        raise RuntimeError("Dask is not installed: pip install 'csr-facts[dask]'") from exc
    if address == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(address, timeout=timeout), None
    except (OSError, TimeoutError) as exc:
        raise RuntimeError(f"cannot reach the Dask scheduler at {address} within {timeout}") from exc


def check_scheduler(address: str, timeout: str = "10s") -> None:
    """Before any work: an unreachable scheduler is a usage error, not a stopped run."""
    client, _cluster = _client(address, timeout)
    client.close()


def records_dask(paths: list[str], lang: str | None, batch_size: int, address: str,
                 ids: list[str] | None = None, *, window: int = 8) -> Iterator[dict]:
    """Records in input order; at most `window` batches in flight (bounded memory)."""
    from .work import batches, process_paths

    ids = ids or [None] * len(paths)
    client, cluster = _client(address)
    try:
        futures = []
        for batch, batch_ids in zip(batches(paths, batch_size), batches(ids, batch_size), strict=True):
            futures.append(client.submit(process_paths, batch, lang, batch_size,
                                         batch_ids if all(batch_ids) else None, pure=False))
            if len(futures) >= window:
                yield from futures.pop(0).result()
        for fut in futures:
            yield from fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
