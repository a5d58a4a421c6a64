"""What every HTTP handler shares: the problem+json error model, security headers, limits."""
