"""/api/v2/: Wagtail's router with the pages endpoint and those the apps register (portal.api)."""

from wagtail.api.v2.router import WagtailAPIRouter

from portal.api import PortalPagesAPIViewSet, endpoints, read_only_endpoint

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", read_only_endpoint(PortalPagesAPIViewSet))
for name, viewset in endpoints():
    api_router.register_endpoint(name, read_only_endpoint(viewset))

app_name = "wagtailapi"
urlpatterns = api_router.get_urlpatterns()
