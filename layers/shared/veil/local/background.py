"""`veil serve`'s background work, as scheduled functions do it in AWS: draining the audit
spool (audit_writer) and probing providers (provider_probe)."""

import threading
from collections.abc import Callable

from veil.observability import logger


def every(interval_s: float, task: Callable[[], object], name: str) -> threading.Event:
    """Run `task` every `interval_s` seconds in a daemon thread until the event is set.
    A failing run is logged (its error class only) and the next one goes ahead."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval_s):
            try:
                task()
            except Exception as error:  # a background task must not die of one bad run
                failure = {"task": name, "error_class": type(error).__name__}
                logger.warning("background task failed", extra=failure)

    threading.Thread(target=loop, name=f"veil-{name}", daemon=True).start()
    return stop
