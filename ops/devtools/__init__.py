"""Development tools, never installed in production: `make bench`'s measures (`bench.py`, the
pages of every app and their query budgets, the newsletter's and the map's figures, the page
weight at 375 px) and `make profile`'s in-process profiler. The dev and test settings install
this app; `ops.devtools.settings` is production's with it, for `make bench-http` and
`make profile`. It imports every app; no app imports it."""
