"""`veil serve` drains its spool directory into PostgreSQL in the background, as the
audit_writer function drains the SQS spool in AWS."""

import threading

from veil.audit import AuditRepository, AuditUnavailableError
from veil.audit.spool import DirectorySpool
from veil.observability import logger


def start_draining(
    spool: DirectorySpool, repository: AuditRepository, interval_s: float = 1.0
) -> threading.Event:
    """Drain every `interval_s` until the returned event is set."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval_s):
            try:
                drained = spool.drain(repository.append)
            except AuditUnavailableError:
                continue  # PostgreSQL is still away; the files wait
            if drained:
                logger.info("audit spool drained", extra={"events": drained})

    threading.Thread(target=loop, name="veil-spool-drain", daemon=True).start()
    return stop
