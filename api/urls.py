"""/api/: the REST API (namespace "api") and its OpenAPI 3 schema at /api/schema/."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from api import views

app_name = "api"

router = DefaultRouter()
router.register("countries", views.CountryViewSet, basename="country")
router.register("leaders", views.LeaderViewSet, basename="leader")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("gifts", views.GiftViewSet, basename="gift")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("articles", views.ArticleViewSet, basename="article")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("", include(router.urls)),
]
