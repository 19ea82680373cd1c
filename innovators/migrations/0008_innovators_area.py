# The innovators' area: the people moderators attach to an innovator, the profiles asked to be
# removed, the group «Innovatori» (no permission at all: no admin access) and Moderazione's
# permissions on the people. A frozen copy of what it needs: it never imports our modules.

import django.db.models.deletion
from django.db import migrations, models

INNOVATORS_GROUP = "Innovatori"
MODERATORS = "Moderazione"
PERSON_CODENAMES = [
    "add_innovatorperson",
    "change_innovatorperson",
    "delete_innovatorperson",
    "view_innovatorperson",
]


def create_groups(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    group_model.objects.get_or_create(name=INNOVATORS_GROUP)
    moderators, _ = group_model.objects.get_or_create(name=MODERATORS)
    content_type, _ = content_type_model.objects.get_or_create(
        app_label="innovators", model="innovatorperson"
    )
    for codename in PERSON_CODENAMES:
        verb = codename.split("_", 1)[0]
        permission, _ = permission_model.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {verb} persona di un innovatore"},
        )
        moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("innovators", "0007_join_request_answers"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProfileRemoval",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "requested_at",
                    models.DateTimeField(auto_now_add=True, verbose_name="chiesta il"),
                ),
                ("requested_by", models.EmailField(max_length=254, verbose_name="chiesta da")),
                (
                    "innovator",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="removal",
                        to="innovators.innovator",
                        verbose_name="innovatore",
                    ),
                ),
            ],
            options={
                "verbose_name": "rimozione di un profilo",
                "verbose_name_plural": "rimozioni di profili",
            },
        ),
        migrations.CreateModel(
            name="InnovatorPerson",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "email",
                    models.EmailField(
                        help_text="Riceverà il link per entrare nell'area degli innovatori per questo profilo.",
                        max_length=254,
                        verbose_name="e-mail",
                    ),
                ),
                ("name", models.CharField(blank=True, max_length=120, verbose_name="nome")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="aggiunta il")),
                (
                    "innovator",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="people",
                        to="innovators.innovator",
                        verbose_name="innovatore",
                    ),
                ),
            ],
            options={
                "verbose_name": "persona di un innovatore",
                "verbose_name_plural": "persone degli innovatori",
                "ordering": ["innovator__name", "email"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("innovator", "email"), name="unique_person_per_innovator"
                    )
                ],
            },
        ),
        migrations.RunPython(create_groups, migrations.RunPython.noop),
    ]
