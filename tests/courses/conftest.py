"""Fixtures of the courses tests: the two indexes under the home page and an open course."""

import pytest

from courses.factories import CourseIndexPageFactory, CoursePageFactory, SessionIndexPageFactory


@pytest.fixture
def course_index(home_page):
    return CourseIndexPageFactory(parent=home_page)


@pytest.fixture
def session_index(home_page):
    return SessionIndexPageFactory(parent=home_page)


@pytest.fixture
def course(course_index):
    """An upcoming course, registration open, with two seats."""
    return CoursePageFactory(parent=course_index, title="Dal progetto al business plan", capacity=2)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks (the e-mails) of what happens inside the block."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run
