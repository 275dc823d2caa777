# A package fixture for tests/packages (imported as _app).
print("init _app")
top_value = "top"
__all__ = ["mod", "top_value"]
