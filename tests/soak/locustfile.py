"""Locust users for the load test (tests/soak/test_load.py): analysts browsing and
searching the pages, API clients reading, and editors uploading through the API.

Every request's name ("read /meetings/?q"; the first word is its kind), time and outcome
is written to SOAK_TIMINGS (JSON lines) when the run ends, so the test computes exact
percentiles per kind and per endpoint.
"""

from __future__ import annotations

import json
import os
import random

from locust import HttpUser, between, events, task

TOKEN = os.environ.get("SOAK_TOKEN", "")
TIMINGS = os.environ.get("SOAK_TIMINGS", "timings.jsonl")
MEETINGS = int(os.environ.get("SOAK_MEETINGS", "10000"))
WORDS = ["summit", "visit", "trade", "energy", "Oslo", "Lima", "talks", "treaty", "fisheries"]
#: Leaders with meetings (test_load.py passes their numbers): their pages, and the
#: meetings list filtered by one of them, the busiest included.
LEADERS = [int(pk) for pk in os.environ.get("SOAK_LEADERS", "").split(",") if pk] or [1]
GIFT_WORDS = ["tea", "vase", "carpet", "pen", "wine", "honey"]
_records: list[tuple[str, float, bool]] = []


@events.request.add_listener
def _record(request_type, name, response_time, response_length, exception, context, **kw):
    _records.append((name, response_time, exception is None))


@events.quitting.add_listener
def _dump(environment, **kw):
    with open(TIMINGS, "w") as out:
        for name, ms, ok in _records:
            out.write(json.dumps([name, ms, ok]) + "\n")


class Analyst(HttpUser):
    weight = 6
    wait_time = between(0.5, 2)

    @task(4)
    def meetings(self):
        page = random.randint(1, 50)
        self.client.get(f"/meetings/?page={page}", name="read /meetings/?page")

    @task(3)
    def search(self):
        self.client.get(f"/meetings/?q={random.choice(WORDS)}", name="read /meetings/?q")

    @task(2)
    def meeting(self):
        self.client.get(f"/meetings/{random.randint(1, MEETINGS)}/", name="read /meetings/N/")

    @task(1)
    def lists(self):
        path = random.choice(
            [
                "/",
                "/leaders/",
                "/countries/",
                "/gifts/",
                "/agreements/",
                "/timeline/",
                "/network/",
                "/articles/",
                "/charts/",
                "/map/",
            ]
        )
        self.client.get(path, name=f"read {path}")

    @task(1)
    def leader(self):
        self.client.get(f"/leaders/{random.choice(LEADERS)}/", name="read /leaders/N/")

    @task(1)
    def filtered(self):
        path = random.choice(
            [
                f"/meetings/?leader={random.choice(LEADERS)}",
                f"/gifts/?q={random.choice(GIFT_WORDS)}",
                "/network/?from=2019-01-01&to=2019-06-30",
            ]
        )
        name = path.split("=")[0]
        self.client.get(path, name=f"read {name}=")


class ApiReader(HttpUser):
    weight = 3
    wait_time = between(0.5, 2)

    @task(3)
    def meetings(self):
        self.client.get(f"/api/meetings/?page={random.randint(1, 50)}", name="read /api/meetings/")

    @task(2)
    def search(self):
        self.client.get(
            f"/api/meetings/?search={random.choice(WORDS)}", name="read /api/meetings/?search"
        )

    @task(1)
    def leaders(self):
        self.client.get("/api/leaders/", name="read /api/leaders/")


class Uploader(HttpUser):
    weight = 1
    wait_time = between(3, 8)

    @task
    def upload(self):
        n = random.randrange(10**12)
        text = (
            f"date 2024-0{random.randint(1, 9)}-1{random.randint(0, 9)}\n\n"
            f"The prime minister of Norway met the president of Chile in Oslo for talks "
            f"on fisheries. Load test report {n}."
        )
        self.client.post(
            "/api/articles/",
            json={"text": text},
            name="write /api/articles/",
            headers={"Authorization": f"Token {TOKEN}"},
        )
