// Placeholder; delete when real sources exist.
