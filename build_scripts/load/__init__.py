"""Read and validate the inputs: source articles and topic definitions."""
