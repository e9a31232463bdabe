// Intentionally empty: stands in while a module has no sources of its own yet.
