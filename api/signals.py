"""Keep the API's tables in step with the knowledge base.

- Deleting a country, leader, article, meeting, gift, agreement or evidence row leaves a
  ``Tombstone`` (in the same transaction, so a rolled-back delete leaves none).
- A merge (``kb.models.MergeRecord``) leaves a tombstone for the merged record pointing at
  the one kept; undoing the merge removes it (the record reappears in the update feed,
  since the undo saves it).
- A token made the old way (``rest_framework.authtoken``: the ``drf_create_token`` command,
  older scripts and tests) is turned at once into a hashed ``ApiToken``: its key keeps
  working, and no usable key is left in the database.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from rest_framework.authtoken.models import Token

from api.models import ApiToken, TokenOrigin, TokenScope, Tombstone, hash_key
from kb.models import Agreement, Article, Country, Evidence, Gift, Leader, Meeting, MergeRecord
from kb.roles import can_edit

TRACKED = (Country, Leader, Article, Meeting, Gift, Agreement, Evidence)


def tombstone_name(model) -> str:
    return model._meta.model_name


def _record_delete(sender, instance, **kwargs):
    Tombstone.objects.create(model=tombstone_name(sender), object_id=instance.pk)


for _model in TRACKED:
    post_delete.connect(_record_delete, sender=_model, dispatch_uid=f"api-tombstone-{_model}")


@receiver(post_save, sender=MergeRecord, dispatch_uid="api-merge-tombstone")
def _record_merge(sender, instance: MergeRecord, created: bool, **kwargs):
    if created and not instance.undone_at:
        Tombstone.objects.create(
            model=instance.kind, object_id=instance.merged_id, merged_into=instance.keep_id
        )
    elif instance.undone_at:
        Tombstone.objects.filter(
            model=instance.kind, object_id=instance.merged_id, merged_into=instance.keep_id
        ).delete()


@receiver(post_save, sender=Token, dispatch_uid="api-hash-legacy-token")
def _hash_legacy_token(sender, instance: Token, created: bool, **kwargs):
    if not created:
        return
    convert_legacy_token(instance.key, instance.user)
    Token.objects.filter(pk=instance.pk).delete()


def convert_legacy_token(key: str, user) -> ApiToken:
    scope = TokenScope.EDIT if can_edit(user) else TokenScope.READ
    token = ApiToken(
        user=user, scope=scope, name="converted DRF token", created_via=TokenOrigin.CONVERTED
    )
    token.prefix = key[:8]
    token.key_hash = hash_key(key)
    token.save()
    return token
