"""The embedded default's shared cache: Django's database cache, culled by expiry.

Django's `DatabaseCache` culls, once it holds more than `MAX_ENTRIES`, the third of its keys
that sort first. Ours sort `portal:content-version` before every page and rate-limit key, so a
busy site would lose its content version (and with it every cached page) exactly when traffic
peaks. This backend culls the entries that expire soonest instead, and never those stored
without a timeout (the content version).
"""

from datetime import datetime

from django.core.cache.backends.db import DatabaseCache
from django.db import connections


class PortalDatabaseCache(DatabaseCache):
    def _cull(self, db, cursor, now, num):
        ops = connections[db].ops
        table, key, expires = map(ops.quote_name, (self._table, "cache_key", "expires"))
        cursor.execute(
            f"DELETE FROM {table} WHERE {expires} < %s", [ops.adapt_datetimefield_value(now)]
        )
        remaining = num - cursor.rowcount
        if self._cull_frequency == 0 or remaining <= self._max_entries:
            return
        never = ops.adapt_datetimefield_value(datetime.max.replace(microsecond=0))
        cursor.execute(
            f"DELETE FROM {table} WHERE {key} IN (SELECT {key} FROM {table} "
            f"WHERE {expires} < %s ORDER BY {expires} LIMIT %s)",
            [never, remaining // self._cull_frequency],
        )
