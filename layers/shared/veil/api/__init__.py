"""The service's use cases behind the HTTP handlers: request and response models, and the
redaction service that detects, transforms, audits and answers."""
