"""Every page's address: reading, editing, uploading, and logging in (the API is under
/api/, ``api.urls``)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from kb.models import Agreement, Gift, Leader, Meeting
from kb.selectors import lists
from web import upload
from web.editing import articles as editing_articles
from web.editing import facts as editing
from web.editing import merges, pick
from web.views import (
    articles,
    countries,
    exports,
    facts,
    feeds,
    home,
    leaders,
    maps,
    meetings,
    network,
)

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("meetings/", meetings.MeetingListView.as_view(), name="meeting-list"),
    path(
        "meetings/export.csv",
        exports.MeetingExportView.as_view(format="csv"),
        name="meeting-export-csv",
    ),
    path(
        "meetings/export.json",
        exports.MeetingExportView.as_view(format="json"),
        name="meeting-export-json",
    ),
    path("meetings/<int:pk>/", meetings.MeetingDetailView.as_view(), name="meeting-detail"),
    path("network/", network.NetworkView.as_view(), name="network"),
    path("map/", maps.MapView.as_view(), name="map"),
    path("charts/", maps.ChartsView.as_view(), name="charts"),
    path("timeline/", network.TimelineView.as_view(), name="timeline"),
    *[
        path(
            f"{name}/export.{fmt}",
            exports.ListExportView.as_view(filters_class=filters, name=name, format=fmt),
            name=f"{name}-export-{fmt}",
        )
        for name, filters in (
            ("leaders", lists.LeaderFilters),
            ("countries", lists.CountryFilters),
            ("gifts", lists.GiftFilters),
            ("agreements", lists.AgreementFilters),
            ("articles", lists.ArticleFilters),
        )
        for fmt in ("csv", "json")
    ],
    path("leaders/", leaders.LeaderListView.as_view(), name="leader-list"),
    path("leaders/<int:pk>/", leaders.LeaderDetailView.as_view(), name="leader-detail"),
    path("countries/", countries.CountryListView.as_view(), name="country-list"),
    path("countries/<str:code>/", countries.CountryDetailView.as_view(), name="country-detail"),
    path("gifts/", facts.GiftListView.as_view(), name="gift-list"),
    path("gifts/<int:pk>/", facts.GiftDetailView.as_view(), name="gift-detail"),
    path("agreements/", facts.AgreementListView.as_view(), name="agreement-list"),
    path("agreements/<int:pk>/", facts.AgreementDetailView.as_view(), name="agreement-detail"),
    path("articles/", articles.ArticleListView.as_view(), name="article-list"),
    path("articles/<int:pk>/", articles.ArticleDetailView.as_view(), name="article-detail"),
    path("articles/<int:pk>/status/", articles.ArticleStatusView.as_view(), name="article-status"),
    path("upload/", upload.UploadView.as_view(), name="upload"),
    # Editors: corrections, review, merges (web.editing).
    *[
        route
        for model, prefix in ((Meeting, "meeting"), (Gift, "gift"), (Agreement, "agreement"))
        for route in (
            path(
                f"{prefix}s/<int:pk>/edit/",
                editing.FactEditView.as_view(model=model),
                name=f"{prefix}-edit",
            ),
            path(
                f"{prefix}s/<int:pk>/confirm/",
                editing.FactActionView.as_view(model=model, action="confirm"),
                name=f"{prefix}-confirm",
            ),
            path(
                f"{prefix}s/<int:pk>/reject/",
                editing.FactActionView.as_view(model=model, action="reject"),
                name=f"{prefix}-reject",
            ),
            path(
                f"{prefix}s/<int:pk>/revert/<int:history_id>/",
                editing.FactRevertView.as_view(model=model),
                name=f"{prefix}-revert",
            ),
        )
    ],
    path("gifts/<int:pk>/swap/", editing.GiftSwapView.as_view(), name="gift-swap"),
    path(
        "meetings/<int:pk>/merge/",
        merges.MergeView.as_view(model=Meeting),
        name="meeting-merge",
    ),
    path("leaders/<int:pk>/edit/", editing.LeaderEditView.as_view(), name="leader-edit"),
    *[
        path(
            f"leaders/<int:pk>/{action}/",
            editing.LeaderActionView.as_view(action=action),
            name=f"leader-{action}",
        )
        for action in ("confirm", "reject")
    ],
    path(
        "leaders/<int:pk>/merge/",
        merges.MergeView.as_view(model=Leader),
        name="leader-merge",
    ),
    path("leaders/<int:pk>/offices/add/", editing.OfficeAddView.as_view(), name="office-add"),
    path("offices/<int:pk>/edit/", editing.OfficeEditView.as_view(), name="office-edit"),
    *[
        path(
            f"offices/<int:pk>/{action}/",
            editing.OfficeActionView.as_view(action=action),
            name=f"office-{action}",
        )
        for action in ("confirm", "reject")
    ],
    path("merges/", merges.MergeListView.as_view(), name="merge-list"),
    path("merges/<int:pk>/undo/", merges.MergeUndoView.as_view(), name="merge-undo"),
    path(
        "articles/<int:pk>/reextract/",
        editing_articles.ArticleReextractView.as_view(),
        name="article-reextract",
    ),
    path(
        "articles/<int:pk>/delete/",
        editing_articles.ArticleDeleteView.as_view(),
        name="article-delete",
    ),
    path(
        "articles/<int:pk>/add/<str:kind>/",
        editing.FactAddView.as_view(),
        name="article-add-fact",
    ),
    path("pick/<str:kind>/", pick.PickView.as_view(), name="pick"),
    path("review/", editing_articles.ReviewQueueView.as_view(), name="review"),
    path("feeds/", feeds.FeedListView.as_view(), name="feed-list"),
    path("feeds/<int:pk>/<str:action>/", feeds.FeedActionView.as_view(), name="feed-action"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
]
