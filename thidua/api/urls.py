from django.urls import URLPattern, URLResolver, path

from thidua.api.api import api

urlpatterns: list[URLPattern | URLResolver] = [path("", api.urls)]
