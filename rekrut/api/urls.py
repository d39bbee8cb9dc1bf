"""Rekrut's REST API, mounted at /api/v1/: token-authenticated routers over the same selectors and
services as the pages. Schema at /api/v1/openapi.json, docs at /api/v1/docs (Swagger UI served locally)."""

from rekrut.api import applications, candidates, interviews, jobs, me, medical
from rekrut.api import assessments as assessments_api
from rekrut.api import contracts as contracts_api
from rekrut.api import offers as offers_api
from rekrut.api import onboarding as onboarding_api
from rekrut.api import webhooks as webhooks_api
from rekrut.api.auth import ApiTokenAuth
from rekrut.api.errors import api_errors_install
from rekrut.api.openapi import RekrutAPI

api = RekrutAPI(title="Rekrut API", version="1", urls_namespace="api", auth=ApiTokenAuth())
api_errors_install(api)
api.add_router("", me.router)
api.add_router("", jobs.router)
api.add_router("", candidates.router)
api.add_router("", applications.router)
api.add_router("", interviews.router)
api.add_router("", medical.router)
api.add_router("", assessments_api.router)
api.add_router("", onboarding_api.router)
api.add_router("", offers_api.router)
api.add_router("", contracts_api.router)
api.add_router("", webhooks_api.router)
