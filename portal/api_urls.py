"""/api/v2/: Wagtail's router with the pages endpoint and those the apps register (portal.api)."""

from wagtail.api.v2.router import WagtailAPIRouter

from portal.api import PortalPagesAPIViewSet, endpoints

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
for name, viewset in endpoints():
    api_router.register_endpoint(name, viewset)

app_name = "wagtailapi"
urlpatterns = api_router.get_urlpatterns()
