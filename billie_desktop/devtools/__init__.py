"""Tools for developers and CI, not for users: the smoke test (``--smoke-test``) and the
README's screenshots. They drive the real windows, so they may import every layer."""
