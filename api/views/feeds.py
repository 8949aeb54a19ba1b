"""/api/feeds/: the news feeds, for editors (list with the last run, subscribe, pause or
resume, poll now, unsubscribe). Feeds are ingest's settings, not knowledge: readers who
are not editors get 403, like the feeds page."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from api.models import ApiToken, TokenScope
from api.parsers import JSONParser
from api.serializers.base import NoInputSerializer, StrictCharField, StrictSerializer
from api.views.base import no_input
from ingest.feeds import FeedError, feed_poll, feed_set_active, feed_subscribe
from ingest.models import Feed
from kb.roles import can_edit


class EditorsOnly(BasePermission):
    message = "Feeds are for editors."

    def has_permission(self, request, view) -> bool:
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            token = request.auth
            if isinstance(token, ApiToken) and token.scope != TokenScope.EDIT:
                self.message = "This token is read-only; writing needs an edit-scoped token."
                return False
        return can_edit(request.user)


class StrictBooleanField(serializers.BooleanField):
    """true or false, not "0", "yes" or 1: what the schema says."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class FeedSerializer(StrictSerializer, serializers.ModelSerializer):
    state = serializers.CharField(read_only=True)
    url = StrictCharField(max_length=2000)
    title = StrictCharField(max_length=300, required=False, allow_blank=True)
    active = StrictBooleanField(required=False)

    class Meta:
        model = Feed
        fields = [
            "id", "url", "title", "active", "state", "created_at", "last_checked_at",
            "last_success_at", "last_error", "failures", "items_seen", "articles_added",
            "next_check_at",
        ]  # fmt: skip
        read_only_fields = [f for f in fields if f not in ("url", "title", "active")]

    def create(self, validated_data):
        try:
            feed, _ = feed_subscribe(
                validated_data["url"],
                title=validated_data.get("title", ""),
                user=self.context["request"].user,
            )
        except FeedError as exc:
            raise serializers.ValidationError({"url": [str(exc)]}) from exc
        return feed

    def update(self, instance, validated_data):
        if "title" in validated_data:
            Feed.objects.filter(pk=instance.pk).update(title=validated_data["title"][:300])
        if "active" in validated_data and validated_data["active"] != instance.active:
            feed_set_active(instance, validated_data["active"])
        instance.refresh_from_db()
        return instance

    def validate_url(self, value):
        if self.instance is not None and value != self.instance.url:
            raise serializers.ValidationError("A feed's address cannot change: subscribe anew.")
        return value


class PollSerializer(serializers.Serializer):
    items = serializers.IntegerField()
    added = serializers.IntegerField()
    known = serializers.IntegerField()
    refused = serializers.IntegerField()
    error = serializers.CharField(allow_blank=True)


class FeedViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = FeedSerializer
    permission_classes = [EditorsOnly]
    queryset = Feed.objects.order_by("-active", "title", "url")
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    parser_classes = [JSONParser]

    @extend_schema(request=NoInputSerializer, responses={204: None})
    def destroy(self, request, *args, **kwargs):
        """Unsubscribe; the articles the feed brought stay."""
        feed = self.get_object()
        no_input(request)
        feed.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=NoInputSerializer, responses=PollSerializer)
    @action(detail=True, methods=["post"])
    def poll(self, request, pk=None):
        """Poll this feed now; answers what the poll found (``error`` when it failed)."""
        feed = self.get_object()
        no_input(request)
        result = feed_poll(feed)
        return Response(PollSerializer(result).data, status=status.HTTP_200_OK)
