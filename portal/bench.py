"""What `make bench` measures: the public URLs of every page type, which each app names.

`portal` imports no app: each app returns its `BenchTarget`s from the Wagtail hook
``register_bench_targets`` (in its `wagtail_hooks.py`), and a heavier job to time (the
newsletter's sending) from ``register_bench_job``: a function of the command's options that
returns a line for the report, or None to skip. `manage.py bench` runs them all.
"""

from dataclasses import dataclass

from wagtail import hooks

TARGETS_HOOK = "register_bench_targets"
JOBS_HOOK = "register_bench_job"
HOME_QUERY_BUDGET = 15
PAGE_QUERY_BUDGET = 25
OPEN_DATA_QUERY_BUDGET = 2  # GeoJSON, CSV, JSON: a fixed number of queries whatever the data


@dataclass(frozen=True)
class BenchTarget:
    """A URL to measure and its query budget (warm cache); `url` None: no such page yet."""

    label: str
    url: str | None
    budget: int = PAGE_QUERY_BUDGET


def bench_targets() -> list[BenchTarget]:
    """Every app's targets that have a URL, in the order of the apps' hooks."""
    targets = [target for register in hooks.get_hooks(TARGETS_HOOK) for target in register()]
    return [target for target in targets if target.url]


def bench_jobs() -> list:
    return hooks.get_hooks(JOBS_HOOK)


class QueryCounter:
    """Counts the SQL statements run while installed with `connection.execute_wrapper`."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)
