// Stands in until the first screen class exists (a static library needs one source).
