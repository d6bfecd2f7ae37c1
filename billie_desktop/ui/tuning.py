"""The console's few tuning numbers, each in one place."""

PAGE_SIZE = 200  # customers per request: one screenful many times over, parsed in ~2 ms
SEARCH_DEBOUNCE_MS = 300  # typing pause before a search is sent
PAGE_SETTLE_MS = 40  # scrolling must rest this long before the rows shown are fetched
PAGE_CACHE_PAGES = 40  # pages kept (LRU): 8,000 customers, a few MB, however far one scrolls
