"""Release operations: the pre-traffic smoke checks and `veil traffic`."""
