"""Detection providers: the in-process engine (always on), Amazon Comprehend and a
self-hosted Presidio analyzer where configured, each behind a circuit breaker; canary
probes and the status rules built on them."""
