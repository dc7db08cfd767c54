from django.contrib.auth.management import create_permissions
from django.db import migrations

from partnerships.editorial.permissions import EDITORS, MODERATOR_MODELS, MODERATORS, SECTION_MODELS, WORKFLOW_NAME, WORKFLOW_TASK_NAME, setup_section


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    moderators = Group.objects.filter(name=MODERATORS).first()
    if moderators is None or not Group.objects.filter(name=EDITORS).exists():
        return

    # Redirects and promoted search results.
    for app_label, model in MODERATOR_MODELS:
        for action in ("add", "change", "delete"):
            moderators.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )
            )

    # Deleting whole branches only below the sections (granted there by setup_section).
    GroupPagePermission.objects.filter(
        group=moderators, page__depth=1, permission__codename="bulk_delete_page"
    ).delete()

    # Wagtail's default workflow ("Moderators approval" on the tree root) belonged to the
    # English group that 0002 removed; the site's one workflow is "Freigabe".
    WorkflowPage.objects.filter(page__depth=1).delete()
    Workflow.objects.filter(name="Moderators approval").delete()
    GroupApprovalTask.objects.filter(name="Moderators approval", groups=None).delete()

    task = GroupApprovalTask.objects.create(
        name=WORKFLOW_TASK_NAME,
        active=True,
        content_type=ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )[0],
    )
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    for app_label, model in SECTION_MODELS:
        content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
        if content_type is not None:
            for page in Page.objects.filter(content_type=content_type):
                setup_section(apps, page)


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=WORKFLOW_TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0004_moderator_search_permissions"),
        ("concepts", "0002_initial"),
        ("news", "0002_initial"),
        ("casestudies", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
