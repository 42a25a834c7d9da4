"""存量专利盘活: the stock-patent revitalisation workbench."""
