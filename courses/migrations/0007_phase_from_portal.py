"""A course's programme phase is `portal.ProgrammePhase` now (it moved from `stories`, issue 15).

State only: the column and its foreign key keep pointing at the same table
(`stories_programmephase`). After this, no migration of `courses` depends on `stories`.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("courses", "0006_merge_issue_branches"),
        ("portal", "0004_programme_phase_from_stories"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="coursepage",
                    name="phase",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="courses", to="portal.programmephase", verbose_name="fase del programma"),
                ),
            ],
        ),
    ]
