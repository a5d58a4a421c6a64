"""Local development: an HTTP server that runs the Lambda handlers in process, and an
embedded PostgreSQL cluster for when no DATABASE_URL is given."""
