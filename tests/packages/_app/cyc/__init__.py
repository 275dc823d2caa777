# _app.cyc: two submodules importing each other.
