"""Reading a dataset directory: where it is, strict JSON Lines, records streamed one at a
time, source texts and their sentences."""
