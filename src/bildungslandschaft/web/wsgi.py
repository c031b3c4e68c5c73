"""WSGI entry point (``gunicorn bildungslandschaft.web.wsgi``).

With ``BILA_PREPARE_DISCLOSURE=1`` the master tables of the disclosure gate are protected while the
application loads; under ``gunicorn --preload`` that happens once, before the workers are forked,
and every worker starts with them (no visitor waits for the first protection after a restart).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bildungslandschaft.web.settings")
application = get_wsgi_application()

if os.environ.get("BILA_PREPARE_DISCLOSURE") == "1":
    from bildungslandschaft.web import analytics

    analytics.prepare_disclosure()
    analytics.release()  # workers open their own connection and find the tables prepared here
