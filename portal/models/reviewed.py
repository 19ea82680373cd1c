"""What Wagtail asks of every snippet that is reviewed before it is published."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models


class ReviewedSnippetMixin(models.Model):
    """The two generic relations that Wagtail's `RevisionMixin` and `WorkflowMixin` need on a
    snippet (revisions, workflow states), both queried by the model's name
    (``Revision.objects.filter(innovator=...)``). Goes beside those mixins in the bases."""

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(class)s",
        for_concrete_model=False,
    )

    class Meta:
        abstract = True

    @property
    def revisions(self):
        return self._revisions
