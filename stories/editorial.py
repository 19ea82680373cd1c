"""The editorial workflow: groups Redazione and Moderazione and the "Revisione redazionale"
workflow, whose one task (a group approval) belongs to Moderazione.

`setup_editorial_workflow(apps)` is written against an app registry so the data migration
(with historical models) and code that must rebuild it after a flush (browser tests, demo
content) share it. `attach_editorial_workflow(*pages)` links the workflow to pages, idempotently.

Page permissions are granted on the tree's root, as Wagtail's own Editors and Moderators
groups are: editors add and edit every page (stories, phase updates, courses, sessions) but
cannot publish; moderators publish. Innovators are snippets with their own permissions: only
those who may publish them (Moderazione) see their contact e-mails.
"""

EDITORS = "Redazione"
MODERATORS = "Moderazione"
WORKFLOW_NAME = "Revisione redazionale"
TASK_NAME = "Approvazione della Moderazione"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# (app_label, model, codenames) for each group, beyond the page permissions
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", ["access_admin"]),
    ("innovators", "innovator", ["add_innovator", "change_innovator"]),
    ("innovators", "sector", ["add_sector", "change_sector"]),
    ("stories", "programmephase", ["change_programmephase"]),
    ("stories", "storysubmission", ["view_storysubmission", "change_storysubmission"]),
    # The registrations of events: list, export, check-in at the door (docs/security.md).
    ("courses", "registration", ["view_registration", "change_registration"]),
]
MODERATOR_MODEL_PERMISSIONS = [
    *EDITOR_MODEL_PERMISSIONS,
    ("innovators", "innovator", ["publish_innovator", "lock_innovator", "unlock_innovator"]),
]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]


def _permission(apps, app_label, model, codename):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
    verb = codename.split("_", 1)[0]
    permission, _ = permission_model.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {verb} {model}"},
    )
    return permission


def setup_editorial_workflow(apps, schema_editor=None):
    """Create (or complete) the two groups, their permissions, the workflow and its task."""
    group_model = apps.get_model("auth", "Group")
    page_model = apps.get_model("wagtailcore", "Page")
    collection_model = apps.get_model("wagtailcore", "Collection")
    page_permission_model = apps.get_model("wagtailcore", "GroupPagePermission")
    collection_permission_model = apps.get_model("wagtailcore", "GroupCollectionPermission")
    content_type_model = apps.get_model("contenttypes", "ContentType")

    editors, _ = group_model.objects.get_or_create(name=EDITORS)
    moderators, _ = group_model.objects.get_or_create(name=MODERATORS)
    root_page = page_model.objects.filter(depth=1).first()
    root_collection = collection_model.objects.filter(depth=1).first()
    for group, page_codenames, model_permissions in [
        (editors, EDITOR_PAGE_PERMISSIONS, EDITOR_MODEL_PERMISSIONS),
        (moderators, MODERATOR_PAGE_PERMISSIONS, MODERATOR_MODEL_PERMISSIONS),
    ]:
        for app_label, model, codenames in model_permissions:
            group.permissions.add(
                *(_permission(apps, app_label, model, codename) for codename in codenames)
            )
        if root_page:
            for codename in page_codenames:
                page_permission_model.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=_permission(apps, "wagtailcore", "page", codename),
                )
        if root_collection:
            for app_label, model, codenames in COLLECTION_PERMISSIONS:
                for codename in codenames:
                    collection_permission_model.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=_permission(apps, app_label, model, codename),
                    )

    workflow_model = apps.get_model("wagtailcore", "Workflow")
    task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    workflow, _ = workflow_model.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    task = task_model.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type, _ = content_type_model.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = task_model.objects.create(name=TASK_NAME, active=True, content_type=content_type)
    task.groups.add(moderators)
    workflow_task_model.objects.get_or_create(
        workflow=workflow, task_id=task.pk, defaults={"sort_order": 0}
    )
    return workflow


def editorial_workflow():
    """The "Revisione redazionale" workflow, rebuilt if missing (e.g. after a flush)."""
    from django.apps import apps

    from wagtail.models import Workflow

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    return workflow or setup_editorial_workflow(apps)


def attach_editorial_workflow(*pages) -> None:
    """Make edits under each page need a moderator's approval (idempotent)."""
    from wagtail.models import WorkflowPage

    workflow = editorial_workflow()
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
