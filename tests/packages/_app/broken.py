# _app.broken: fails while running; must not stay in sys.modules.
x = 1
raise ValueError("broken on purpose")
