"""Reader pages, one module per kind of page; every read goes through ``published()``."""
