// Placeholder so the library has a source until the module grows; delete when real sources exist.
