"""Pages of the interviews app, split by topic; thin: selectors to read, services to write."""
