"""The courses' and sessions' part of the API v2 (portal.api): their public page fields.

No online-meeting link: it reaches confirmed registrants only.
"""

from wagtail.api import APIField

from rest_framework import serializers

from courses.models import CourseIndexPage, CoursePage, SessionIndexPage, SessionPage
from portal.api import INTRO

EVENT = [
    *INTRO,
    APIField("start"),
    APIField("end"),
    APIField("cancelled"),
    APIField("status"),
    APIField("format"),
    APIField("venue"),
    APIField("address"),
    APIField("latitude", serializer=serializers.FloatField(source="point.lat", allow_null=True)),
    APIField("longitude", serializer=serializers.FloatField(source="point.lng", allow_null=True)),
    APIField("audience"),
    APIField("cost"),
    APIField("capacity"),
    APIField("seats_left"),
    APIField("registration_open"),
    APIField("image"),
    APIField("body"),
]


def page_fields() -> dict[type, list[APIField]]:
    return {
        CourseIndexPage: [*INTRO, APIField("body")],
        SessionIndexPage: [*INTRO, APIField("body")],
        CoursePage: [*EVENT, APIField("level"), APIField("duration_hours"), APIField("teachers")],
        SessionPage: [*EVENT],
    }
