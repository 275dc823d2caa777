def dump(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict):
        for k, x in v.items():
            if isinstance(x, (dict, list)):
                print(f"{pad}{k}:")
                dump(x, indent + 1)
            else:
                print(f"{pad}{k}: {x!r}")
    elif isinstance(v, list):
        for x in v:
            if isinstance(x, (dict, list)):
                print(f"{pad}-")
                dump(x, indent + 1)
            else:
                print(f"{pad}- {x!r}")
dump({"name": "weft", "tags": ["jit", "rcu"], "meta": {"threads": 8, "ok": True, "ratio": 1.5}})
# expect: name: 'weft'
# expect: tags:
# expect:   - 'jit'
# expect:   - 'rcu'
# expect: meta:
# expect:   threads: 8
# expect:   ok: True
# expect:   ratio: 1.5
