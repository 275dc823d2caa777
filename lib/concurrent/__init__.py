# weft: the concurrent package.
# Namespace for concurrent.futures (lib/concurrent/futures/).
