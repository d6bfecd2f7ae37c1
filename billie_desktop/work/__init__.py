"""The console's work, without Qt: linking a customer (with the read-back of a lost answer
and its journal entry), matching by email, loading and exporting every customer a page at
a time, and the activity journal. The windows in ``ui`` show it and start it; the tests
drive it on its own. May import ``api``; never Qt, ``ui`` or the sandbox."""
