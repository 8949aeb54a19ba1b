from django.contrib.auth import views as auth_views
from django.urls import path

from ingest import views as ingest_views
from kb import editing_views, views
from kb.models import Agreement, Gift, Leader, Meeting
from web.views import feeds

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path(
        "meetings/export.csv",
        views.MeetingExportView.as_view(format="csv"),
        name="meeting-export-csv",
    ),
    path(
        "meetings/export.json",
        views.MeetingExportView.as_view(format="json"),
        name="meeting-export-json",
    ),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("network/", views.NetworkView.as_view(), name="network"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
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
    # Editors: corrections, review, merges (kb.editing_views).
    *[
        route
        for model, prefix in ((Meeting, "meeting"), (Gift, "gift"), (Agreement, "agreement"))
        for route in (
            path(
                f"{prefix}s/<int:pk>/edit/",
                editing_views.FactEditView.as_view(model=model),
                name=f"{prefix}-edit",
            ),
            path(
                f"{prefix}s/<int:pk>/confirm/",
                editing_views.FactActionView.as_view(model=model, action="confirm"),
                name=f"{prefix}-confirm",
            ),
            path(
                f"{prefix}s/<int:pk>/reject/",
                editing_views.FactActionView.as_view(model=model, action="reject"),
                name=f"{prefix}-reject",
            ),
            path(
                f"{prefix}s/<int:pk>/revert/<int:history_id>/",
                editing_views.FactRevertView.as_view(model=model),
                name=f"{prefix}-revert",
            ),
        )
    ],
    path("gifts/<int:pk>/swap/", editing_views.GiftSwapView.as_view(), name="gift-swap"),
    path(
        "meetings/<int:pk>/merge/",
        editing_views.MergeView.as_view(model=Meeting),
        name="meeting-merge",
    ),
    path("leaders/<int:pk>/edit/", editing_views.LeaderEditView.as_view(), name="leader-edit"),
    *[
        path(
            f"leaders/<int:pk>/{action}/",
            editing_views.LeaderActionView.as_view(action=action),
            name=f"leader-{action}",
        )
        for action in ("confirm", "reject")
    ],
    path(
        "leaders/<int:pk>/merge/",
        editing_views.MergeView.as_view(model=Leader),
        name="leader-merge",
    ),
    path("leaders/<int:pk>/offices/add/", editing_views.OfficeAddView.as_view(), name="office-add"),
    path("offices/<int:pk>/edit/", editing_views.OfficeEditView.as_view(), name="office-edit"),
    *[
        path(
            f"offices/<int:pk>/{action}/",
            editing_views.OfficeActionView.as_view(action=action),
            name=f"office-{action}",
        )
        for action in ("confirm", "reject")
    ],
    path("merges/", editing_views.MergeListView.as_view(), name="merge-list"),
    path("merges/<int:pk>/undo/", editing_views.MergeUndoView.as_view(), name="merge-undo"),
    path(
        "articles/<int:pk>/reextract/",
        editing_views.ArticleReextractView.as_view(),
        name="article-reextract",
    ),
    path(
        "articles/<int:pk>/delete/",
        editing_views.ArticleDeleteView.as_view(),
        name="article-delete",
    ),
    path(
        "articles/<int:pk>/add/<str:kind>/",
        editing_views.FactAddView.as_view(),
        name="article-add-fact",
    ),
    path("review/", editing_views.ReviewQueueView.as_view(), name="review"),
    path("feeds/", feeds.FeedListView.as_view(), name="feed-list"),
    path(
        "feeds/<int:pk>/<str:action>/", feeds.FeedActionView.as_view(), name="feed-action"
    ),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
]
