"""Interview practice for candidates: a question bank per round and the feedback engine, kept private."""
