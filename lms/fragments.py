"""Parts of learner pages kept rendered in each app process (the "fragments" cache).

A part is kept under what it shows: the tree version (the pages themselves), the language and a
*state key* for where the learner stands (lessons done, attempts, certificate...). Equal keys
give equal HTML whoever the learner is, so a part holds nothing personal beyond that state, and
never a form's CSRF token. A learner's change gives a new key, shown at once; nothing is retired.
"""

import hashlib


def state_key(*state) -> str:
    """A short digest of ``state`` (plain values: numbers, strings, dates, tuples, lists)."""
    return hashlib.blake2b(repr(state).encode(), digest_size=12).hexdigest()
