"""The programme's phases move from `stories` to `portal` (issue 15): `courses` and `stories`
both point at them, and the dependencies run `portal` ← `stories`, `courses`.

State only: the table keeps its name (`stories_programmephase`, see `Meta.db_table`) and every
row. On a fresh database `stories/0001` creates the table; on an existing one it is there.
`stories/0009_programme_phase_moves_to_portal` drops the model from the stories' state and
moves its content type (so revisions, translations, workflow states and group permissions
follow); `courses/0007_phase_from_portal` re-points the courses' foreign key.
"""

import django.core.validators
import django.db.models.deletion
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0003_pending_notices"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="ProgrammePhase",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                        ("live", models.BooleanField(default=True, editable=False, verbose_name="live")),
                        ("has_unpublished_changes", models.BooleanField(default=False, editable=False, verbose_name="has unpublished changes")),
                        ("first_published_at", models.DateTimeField(blank=True, db_index=True, null=True, verbose_name="first published at")),
                        ("last_published_at", models.DateTimeField(editable=False, null=True, verbose_name="last published at")),
                        ("go_live_at", models.DateTimeField(blank=True, null=True, verbose_name="go live date/time")),
                        ("expire_at", models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time")),
                        ("expired", models.BooleanField(default=False, editable=False, verbose_name="expired")),
                        ("number", models.PositiveSmallIntegerField(help_text="Da 1 a 4: l'ordine della fase nel programma.", validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(4)], verbose_name="numero")),
                        ("name", models.CharField(max_length=80, verbose_name="nome")),
                        ("summary", models.TextField(max_length=600, verbose_name="sintesi")),
                        ("status", models.CharField(choices=[("planned", "In programma"), ("in_progress", "In corso"), ("completed", "Conclusa")], default="planned", max_length=20, verbose_name="stato")),
                        ("start_date", models.DateField(blank=True, null=True, verbose_name="inizio")),
                        ("end_date", models.DateField(blank=True, null=True, verbose_name="fine")),
                        ("latest_revision", models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailcore.revision", verbose_name="latest revision")),
                        ("live_revision", models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailcore.revision", verbose_name="live revision")),
                        ("locale", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
                    ],
                    options={
                        "verbose_name": "fase del programma",
                        "verbose_name_plural": "fasi del programma",
                        "db_table": "stories_programmephase",
                        "ordering": ["number"],
                        "abstract": False,
                        "constraints": [models.UniqueConstraint(fields=("locale", "number"), name="unique_phase_number_per_locale")],
                        "unique_together": {("translation_key", "locale")},
                    },
                ),
            ],
        ),
    ]
