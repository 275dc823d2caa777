import does_not_exist_anywhere
# expect runtime error: ModuleNotFoundError: No module named 'does_not_exist_anywhere'
