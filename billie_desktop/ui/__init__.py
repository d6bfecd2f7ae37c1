"""Everything Qt lives here; the api and sandbox packages never import it."""
