"""The production cache: django-redis that a stopped or frozen Redis slows down but never breaks.

Redis holds only what PostgreSQL can rebuild (the page tree, session copies, throttle counters),
so when it does not answer every cache call is a miss: reads return nothing, writes are dropped,
``add`` and ``incr`` return nothing (django-ratelimit then lets the request through, as
``RATELIMIT_FAIL_OPEN`` asks), and sessions are read from and written to the database
(``cached_db``). django-redis does the ignoring (``IGNORE_EXCEPTIONS``); this adds a breaker: after
one failed call the process skips Redis for ``CACHE_RETRY_AFTER`` seconds, so a page that makes a
dozen cache calls pays one socket timeout at most, not twelve, and the outage is logged once per
period, as a warning, not once per call. The first call after the period tries Redis again: when
it answers, everything is back without a restart.

A Redis that was unreachable but kept its data (a frozen process, a network fault) would come
back holding entries that the writes it missed should have changed: an unpublished page's route,
a signed-out session. So a process that lost a write during the outage empties this site's keys
(``KEY_PREFIX``) when it reaches Redis again, before anything else: the page tree and sessions
are read from PostgreSQL again (one slower request per entry), and throttle counters start
afresh.
"""

import logging
import threading
import time

from django.conf import settings
from django_redis.cache import RedisCache as DjangoRedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)

UNAVAILABLE_WARNING = (
    "Redis did not answer (%s): for the next %s s the cache misses, sessions use the database "
    "and throttles counted in the cache (sign-up, password reset, join codes, claim codes, "
    "hand-ins) are not counted."
)


# django-redis client calls that change what Redis holds.
WRITES = frozenset(
    {
        "set", "set_many", "add", "delete", "delete_many", "delete_pattern", "clear", "incr",
        "decr", "incr_version", "touch", "expire", "expire_at", "pexpire", "pexpire_at", "persist",
    }
)  # fmt: skip


class Breaker:
    """Shared by every thread of a process: when Redis last failed, and for how long to skip it."""

    def __init__(self):
        self._lock = threading.Lock()
        self._open_until = 0.0
        self.missed_write = False

    @property
    def retry_after(self) -> float:
        return float(getattr(settings, "CACHE_RETRY_AFTER", 5))

    def is_open(self) -> bool:
        return time.monotonic() < self._open_until

    def trip(self, error: ConnectionInterrupted) -> None:
        with self._lock:
            if self.is_open():
                return
            self._open_until = time.monotonic() + self.retry_after
        logger.warning(UNAVAILABLE_WARNING, error, self.retry_after)

    def reset(self) -> None:
        self._open_until = 0.0
        self.missed_write = False

    def note_missed(self, method: str) -> None:
        if method in WRITES:
            self.missed_write = True

    def take_missed_write(self) -> bool:
        """Whether a write was lost since Redis was last emptied; only one caller hears yes."""
        with self._lock:
            missed, self.missed_write = self.missed_write, False
        return missed


_breakers: dict[str, Breaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(server: str) -> Breaker:
    """The breaker of one Redis location. Django builds a cache object per thread; they share it."""
    with _breakers_lock:
        return _breakers.setdefault(server, Breaker())


EMPTIED_WARNING = (
    "Redis answers again after writes to it were lost: emptied %s entries of this site, which "
    "are read from PostgreSQL again."
)


class _GuardedClient:
    """django-redis' client, refusing at once while the breaker is open and tripping it when a
    call fails for want of Redis. django-redis' ``IGNORE_EXCEPTIONS`` turns both into misses."""

    def __init__(self, client, breaker: Breaker):
        self._client = client
        self._breaker = breaker

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if not callable(attribute):
            return attribute

        def call(*args, **kwargs):
            breaker = self._breaker
            if breaker.is_open():
                breaker.note_missed(name)
                raise ConnectionInterrupted(connection=None) from ConnectionError(
                    "skipped while Redis is unavailable"
                )
            try:
                if breaker.missed_write and breaker.take_missed_write():
                    self._empty_after_outage()
                return attribute(*args, **kwargs)
            except ConnectionInterrupted as error:
                breaker.note_missed(name)
                breaker.trip(error)
                raise

        return call

    def _empty_after_outage(self) -> None:
        try:
            deleted = self._client.delete_pattern("*", itersize=1000)
        except ConnectionInterrupted:
            self._breaker.missed_write = True  # Still away: empty it next time.
            raise
        logger.warning(EMPTIED_WARNING, deleted)


class RedisCache(DjangoRedisCache):
    """``django_redis.cache.RedisCache`` whose connection failures are misses (see the module)."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**params.get("OPTIONS", {}), "IGNORE_EXCEPTIONS": True}}
        super().__init__(server, params)
        self.breaker = breaker_for(str(server))
        self._guarded = None

    @property
    def client(self):
        if self._guarded is None:
            self._guarded = _GuardedClient(super().client, self.breaker)
        return self._guarded
