print("prefix_body".removeprefix("prefix_"), "body_suffix".removesuffix("_suffix"), "x".removeprefix("y"))
# expect: body body x
