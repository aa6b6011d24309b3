"""The API's URL patterns, mounted at /api/v1/ by sakip/web/urls.py. Its endpoints are guarded
inside (scope.py, by sakip.web.access.can); their access matrix is tests/web/test_api_access.py."""

from sakip.web.api.api import api

urls = api.urls
