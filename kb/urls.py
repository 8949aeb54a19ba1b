from django.contrib.auth import views as auth_views
from django.urls import path

from ingest import views as ingest_views
from kb import views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("leaders/", views.LeaderListView.as_view(), name="leader-list"),
    path("leaders/<int:pk>/", views.LeaderDetailView.as_view(), name="leader-detail"),
    path("countries/", views.CountryListView.as_view(), name="country-list"),
    path("countries/<str:code>/", views.CountryDetailView.as_view(), name="country-detail"),
    path("gifts/", views.GiftListView.as_view(), name="gift-list"),
    path("gifts/<int:pk>/", views.GiftDetailView.as_view(), name="gift-detail"),
    path("agreements/", views.AgreementListView.as_view(), name="agreement-list"),
    path("agreements/<int:pk>/", views.AgreementDetailView.as_view(), name="agreement-detail"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("articles/<int:pk>/status/", views.ArticleStatusView.as_view(), name="article-status"),
    path("upload/", ingest_views.UploadView.as_view(), name="upload"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
]
