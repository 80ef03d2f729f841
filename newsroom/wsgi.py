import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
application = get_wsgi_application()

# What was made at start (modules, settings, URL patterns: ~100.000 objects) lives as long
# as the worker: kept out of the collector's full passes, each of which otherwise held a
# request up by about 90 ms every few hundred requests (bench/site.py, article pages).
gc.freeze()
