"""The console's few tuning numbers, each in one place."""

PAGE_SIZE = 200  # customers per request: one screenful many times over, parsed in ~2 ms
SEARCH_DEBOUNCE_MS = 300  # typing pause before a search is sent
