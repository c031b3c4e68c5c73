from django.http import HttpRequest, JsonResponse
from django.urls import path

app_name = "api"


def root(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"api": "Bildungslandschaft", "version": 1})


urlpatterns = [path("", root, name="root")]
