"""基础数据: departments, people and companies kept by hand, and the pickers that search them."""
