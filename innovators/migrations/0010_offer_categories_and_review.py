# Offers and needs: the first categories, «Revisione redazionale» for the snippet and the
# groups' permissions on it. A frozen copy of what it needs (stories/editorial.py rebuilds the
# same after a flush): it never imports our modules.

from django.db import migrations

CATEGORIES = [
    ("competenze", "Competenze", "Skills"),
    ("spazi-attrezzature", "Spazi e attrezzature", "Spaces and equipment"),
    ("partner-bandi", "Partner per bandi", "Partners for calls for funding"),
    ("mentoring", "Mentoring", "Mentoring"),
    ("tirocini-lavoro", "Tirocini e lavoro", "Internships and jobs"),
    ("altro", "Altro", "Other"),
]
WORKFLOW_NAME = "Revisione redazionale"
EDITORS = "Redazione"
MODERATORS = "Moderazione"
EDITOR_PERMISSIONS = [
    ("offer", ["change_offer"]),
    ("offercategory", ["add_offercategory", "change_offercategory"]),
]
VERBOSE_NAMES = {
    "offer": "offerta o richiesta",
    "offercategory": "categoria di offerte e richieste",
}
MODERATOR_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    ("offer", ["publish_offer", "lock_offer", "unlock_offer"]),
    ("offercategory", ["delete_offercategory"]),
]


def forwards(apps, schema_editor):
    category_model = apps.get_model("innovators", "OfferCategory")
    for order, (slug, name, name_en) in enumerate(CATEGORIES):
        category_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    group_model = apps.get_model("auth", "Group")
    for group_name, grants in ((EDITORS, EDITOR_PERMISSIONS), (MODERATORS, MODERATOR_PERMISSIONS)):
        group, _ = group_model.objects.get_or_create(name=group_name)
        for model, codenames in grants:
            content_type, _ = content_type_model.objects.get_or_create(
                app_label="innovators", model=model
            )
            for codename in codenames:
                verb = codename.split("_", 1)[0]
                permission, _ = permission_model.objects.get_or_create(
                    content_type=content_type,
                    codename=codename,
                    defaults={"name": f"Can {verb} {VERBOSE_NAMES[model]}"},
                )
                group.permissions.add(permission)
    workflow = (
        apps.get_model("wagtailcore", "Workflow")
        .objects.filter(name=WORKFLOW_NAME, active=True)
        .first()
    )
    if workflow is not None:
        content_type, _ = content_type_model.objects.get_or_create(
            app_label="innovators", model="offer"
        )
        apps.get_model("wagtailcore", "WorkflowContentType").objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("innovators", "0009_offers_and_needs"),
        ("stories", "0006_reviews_reach_moderazione"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
