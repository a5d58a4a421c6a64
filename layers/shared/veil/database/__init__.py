"""The service's PostgreSQL database: connection pool and versioned migrations."""
