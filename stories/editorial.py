"""The editorial workflow: groups Redazione and Moderazione and the "Revisione redazionale"
workflow, whose one task (a group approval) belongs to Moderazione.

`setup_editorial_workflow(apps)` is written against an app registry: `home.setup.set_up_portal`,
which the migration `home/0002_portal_setup`, the demo and the tests share, runs it (through
`route_reviews`); read that module before changing roles here. `route_reviews(apps)` puts the whole page tree (every section, home and the
English tree) and the draftable snippets (innovators, programme phases) under it, and takes
pages away from any workflow nobody can review (Wagtail's default "Moderators approval", whose
group is empty). `attach_editorial_workflow(*pages)` links the workflow to pages, idempotently.

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
    ("innovators", "offer", ["change_offer"]),
    ("innovators", "offercategory", ["add_offercategory", "change_offercategory"]),
    ("portal", "programmephase", ["change_programmephase"]),
    ("stories", "storysubmission", ["view_storysubmission", "change_storysubmission"]),
    ("wagtail_localize", "translation", ["submit_translation"]),
]
MODERATOR_MODEL_PERMISSIONS = [
    *EDITOR_MODEL_PERMISSIONS,
    ("innovators", "innovator", ["publish_innovator", "lock_innovator", "unlock_innovator"]),
    ("innovators", "sector", ["delete_sector"]),
    ("innovators", "offer", ["publish_offer", "lock_offer", "unlock_offer"]),
    ("innovators", "offercategory", ["delete_offercategory"]),
    ("portal", "programmephase", ["publish_programmephase"]),
    # «Attività in background»: the e-mails and sends that failed, to run again.
    ("portal", "backgroundtask", ["view_backgroundtask", "change_backgroundtask"]),
    # «Presentazioni»: counts of introductions and abuse reports (innovators.introductions).
    ("introductions", "introduction", ["view_introduction"]),
    # The people attached to an innovator, who sign in to its area (innovators.area).
    (
        "innovators",
        "innovatorperson",
        [
            "add_innovatorperson",
            "change_innovatorperson",
            "delete_innovatorperson",
            "view_innovatorperson",
        ],
    ),
]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]
# Moderators may also delete images and documents (those in use only when nothing uses them:
# portal.images_permissions); editors may not delete what a page or snippet uses.
MODERATOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["delete_image"]),
    ("wagtaildocs", "document", ["delete_document"]),
]
# Snippets edited under the editorial review: (app_label, model).
REVIEWED_SNIPPETS = [
    ("innovators", "innovator"),
    ("innovators", "offer"),
    ("portal", "programmephase"),
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
            extra = MODERATOR_COLLECTION_PERMISSIONS if group == moderators else []
            for app_label, model, codenames in [*COLLECTION_PERMISSIONS, *extra]:
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


def _reviewable(apps, workflow) -> bool:
    """Whether some active user can act on every group approval task of `workflow`."""
    user_model = apps.get_model(*_user_model_label().split("."))
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_ids = workflow_task_model.objects.filter(workflow=workflow).values_list("task_id")
    return all(
        user_model.objects.filter(is_active=True, groups__in=task.groups.all()).exists()
        for task in task_model.objects.filter(pk__in=task_ids, active=True)
    )


def _user_model_label() -> str:
    from django.conf import settings

    return settings.AUTH_USER_MODEL


def route_reviews(apps, schema_editor=None):
    """Everything that can be submitted for review reaches Moderazione (idempotent).

    The tree's root carries the editorial workflow, so every section, the home pages and the
    English tree inherit it; pages under a workflow nobody can review move to it; the
    draftable snippets get it too. Wagtail's default workflows (an empty group's approval) get
    Moderazione as reviewers, for reviews already under way, and are switched off once unused.
    """
    workflow = setup_editorial_workflow(apps)
    moderators = apps.get_model("auth", "Group").objects.get(name=MODERATORS)
    page_model = apps.get_model("wagtailcore", "Page")
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_page_model = apps.get_model("wagtailcore", "WorkflowPage")
    workflow_type_model = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    workflow_state_model = apps.get_model("wagtailcore", "WorkflowState")
    task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    content_type_model = apps.get_model("contenttypes", "ContentType")

    root = page_model.objects.filter(depth=1).first()
    if root:
        workflow_page_model.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for link in workflow_page_model.objects.exclude(workflow=workflow).select_related("workflow"):
        if not link.workflow.active or not _reviewable(apps, link.workflow):
            link.workflow = workflow
            link.save(update_fields=["workflow"])
    for app_label, model in REVIEWED_SNIPPETS:
        content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
        workflow_type_model.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
    for other in workflow_model.objects.exclude(pk=workflow.pk).filter(active=True):
        if _reviewable(apps, other):
            continue
        task_ids = workflow_task_model.objects.filter(workflow=other).values_list("task_id")
        for task in task_model.objects.filter(pk__in=task_ids):
            task.groups.add(moderators)
        in_use = (
            workflow_page_model.objects.filter(workflow=other).exists()
            or workflow_type_model.objects.filter(workflow=other).exists()
            or workflow_state_model.objects.filter(
                workflow=other, status__in=["in_progress", "needs_changes"]
            ).exists()
        )
        if not in_use:
            other.active = False
            other.save(update_fields=["active"])
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
