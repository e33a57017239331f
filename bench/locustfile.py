"""Locust users for `make bench-load` (bench/load.py starts the stack and runs them headless).

The plan (BENCH_PLAN, a JSON file bench/load.py writes) names the seeded accounts, one ready
session cookie per simulated learner, the course and its lessons. Learners arrive already signed
in (a phone keeps its session for two weeks), and a few sign in again during the run, so the
sign-in's deliberate password-hashing cost is measured without dominating the mix.

- ``Learner``: the journeys, with 5–15 s of thinking between steps (real learners read for
  minutes): course page, lesson page, mark a lesson done, answer a week quiz, sign in again.
- ``LessonReader``, ``CourseReader``, ``QuizReader`` and ``Hello``: no thinking, one endpoint
  each, to find what the processes can serve of a lesson page, the course page, a week quiz page
  and the minimal Django view (/bench/hello/) at the same concurrency and with the same
  signed-in cookie.
- ``SignedInHello``: the same for /bench/hello/signed-in/, which only reads the session and the
  user: the ceiling of any page that knows who the learner is.
"""

import itertools
import json
import os
import random
import re
import secrets
import string
from urllib.parse import urlencode

from locust import FastHttpUser, between, constant, task
from requests.cookies import create_cookie

PLAN = json.loads(open(os.environ["BENCH_PLAN"], encoding="utf-8").read())  # noqa: SIM115
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN = re.compile(rb'name="token" value="([^"]+)"')
_slots = itertools.count()


class SignedInUser(FastHttpUser):
    abstract = True

    def on_start(self):
        session = PLAN["sessions"][next(_slots) % len(PLAN["sessions"])]
        self.account = PLAN["accounts"][session["account"]]
        self.set_cookie("sessionid", session["key"])
        # Django's CSRF check is double-submit: a client may pick its own secret. With one, a
        # lesson already done (whose page has no form) can still be marked again, as a retry.
        alphabet = string.ascii_letters + string.digits
        self.set_cookie("csrftoken", "".join(secrets.choice(alphabet) for _ in range(32)))

    def set_cookie(self, name, value):
        self.client.cookiejar.set_cookie(create_cookie(name, value, domain=PLAN["host"]))

    def cookie(self, name):
        return next((c.value for c in self.client.cookiejar if c.name == name), "")

    def lesson(self):
        return random.choice(PLAN["lessons"])  # noqa: S311 - load mix, not security

    def get_page(self, url, name):
        """GET a page that must answer 200; returns its body (or None on failure)."""
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
                return None
            return response.content

    def post_form(self, url, name, data, page):
        """POST as the page's form would, with its CSRF token (or the CSRF cookie's secret,
        which signing in replaces)."""
        if page is None:
            return
        token = CSRF.search(page)
        csrf = token.group(1).decode() if token else self.cookie("csrftoken")
        # Encoded here: a field may repeat (a multiple-choice answer is a list of values).
        body = urlencode({"csrfmiddlewaretoken": csrf, **data}, doseq=True)
        with self.client.post(
            url,
            data=body,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"status {response.status_code}, expected a redirect")


class Learner(SignedInUser):
    wait_time = between(5, 15)

    @task(12)
    def course_page(self):
        self.get_page(PLAN["course_url"], "course page")

    @task(25)
    def lesson_page(self):
        self.get_page(self.lesson()["url"], "lesson page")

    @task(12)
    def mark_lesson_done(self):
        lesson = self.lesson()
        page = self.get_page(lesson["url"], "lesson page")
        self.post_form(lesson["done_url"], "mark lesson done", {"next": ""}, page)

    @task(1)
    def sign_in(self):
        """Sign in again from scratch (a new phone): about one step in fifty."""
        self.client.cookiejar.clear()
        page = self.get_page(PLAN["sign_in_url"], "sign-in page")
        self.post_form(
            PLAN["sign_in_url"],
            "sign in",
            {"username": self.account["username"], "password": PLAN["password"]},
            page,
        )

    @task(4)
    def quiz_submit(self):
        """Open a week quiz and send the answers, all right: a graded attempt each time."""
        quiz = random.choice(PLAN["quizzes"])  # noqa: S311 - load mix, not security
        page = self.get_page(quiz["url"], "quiz page")
        token = TOKEN.search(page or b"")
        if token:
            data = {"token": token.group(1).decode(), **quiz["answers"]}
            self.post_form(quiz["submit_url"], "quiz submit", data, page)


class LessonReader(SignedInUser):
    wait_time = constant(0)

    @task
    def lesson_page(self):
        self.get_page(self.lesson()["url"], "lesson page")


class CourseReader(SignedInUser):
    wait_time = constant(0)

    @task
    def course_page(self):
        self.get_page(PLAN["course_url"], "course page")


class QuizReader(SignedInUser):
    wait_time = constant(0)

    @task
    def quiz_page(self):
        quiz = random.choice(PLAN["quizzes"])  # noqa: S311 - load mix, not security
        self.get_page(quiz["url"], "quiz page")


class Hello(SignedInUser):
    wait_time = constant(0)

    @task
    def hello(self):
        self.get_page(PLAN["hello_url"], "hello")


class SignedInHello(SignedInUser):
    wait_time = constant(0)

    @task
    def signed_in_hello(self):
        self.get_page(PLAN["signed_in_hello_url"], "signed-in hello")
