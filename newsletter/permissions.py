"""Who may do what in the newsletter's admin area (docs/newsletter.md, docs/security.md).

- Redazione: the figures (subscribers per topic and language, never an address), the preview
  of the next issue and the past issues (`view_issue`).
- Moderazione: the same, plus «send now» (`send_issue`) and the list of addresses, to answer
  a person who asks what we hold or wants to be removed (`view_subscriber`,
  `delete_subscriber`).

Written against an app registry: `home.setup.set_up_portal` runs it (migration, demo, tests).
"""

from stories.editorial import EDITORS, MODERATORS

EDITOR_CODENAMES = [("issue", "view_issue")]
MODERATOR_CODENAMES = [
    *EDITOR_CODENAMES,
    ("issue", "send_issue"),
    ("subscriber", "view_subscriber"),
    ("subscriber", "delete_subscriber"),
]


def grant_newsletter_permissions(apps) -> None:
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    for group_name, codenames in ((EDITORS, EDITOR_CODENAMES), (MODERATORS, MODERATOR_CODENAMES)):
        group, _created = group_model.objects.get_or_create(name=group_name)
        for model, codename in codenames:
            content_type, _created = content_type_model.objects.get_or_create(
                app_label="newsletter", model=model
            )
            permission, _created = permission_model.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": f"Can {codename.replace('_', ' ')}"},
            )
            group.permissions.add(permission)
