"""Countries (reference rows from ``gazetteer.countries``) and organisations."""

from __future__ import annotations

from django.db import models

from kb.models.addresses import record_url


class Country(models.Model):
    code = models.CharField("ISO 3166 alpha-2", max_length=2, unique=True)
    name = models.CharField(max_length=120)
    official_name = models.CharField(max_length=200, blank=True)
    other_names = models.JSONField(default=list, blank=True)
    demonyms = models.JSONField(default=list, blank=True)
    capital = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return record_url("country-detail", self.code)


class Organisation(models.Model):
    """Blocs and international bodies (EU, NATO, UN): named in news, never countries."""

    name = models.CharField(max_length=120, unique=True)

    def __str__(self) -> str:
        return self.name
