"""Run the same action in several threads at once, as double taps and retries do."""

import threading

from django.db import connections


def run_together(action, times=2):
    """Run ``action`` in ``times`` threads released at once; return what each returned or raised."""
    barrier = threading.Barrier(times)
    outcomes = []

    def worker():
        barrier.wait()
        try:
            outcomes.append(action())
        except Exception as error:  # noqa: BLE001 - the outcome is what the test inspects
            outcomes.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
