from django.db import migrations

from partnerships.editorial.permissions import COLLECTIONS, EDITOR_SECTION_COLLECTION_PERMS, EDITORS

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path alphabet, steplen 4


def encode(number):
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(4, "0")


def forwards(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root = Collection.objects.filter(depth=1).first()
    editors = Group.objects.filter(name=EDITORS).first()
    if root is None or editors is None:
        return
    # Uploads go into the section collections, no longer into the root.
    GroupCollectionPermission.objects.filter(
        group=editors, collection=root, permission__codename__in=["add_image", "add_document"]
    ).delete()

    for name in COLLECTIONS:
        children = Collection.objects.filter(depth=2, path__startswith=root.path)
        collection = children.filter(name=name).first()
        if collection is None:
            last = children.order_by("-path").first()
            number = int(last.path[-4:], 36) + 1 if last else 1
            collection = Collection.objects.create(
                name=name, path=root.path + encode(number), depth=2, numchild=0
            )
            root.numchild = Collection.objects.filter(
                depth=2, path__startswith=root.path
            ).count()
            root.save(update_fields=["numchild"])
        for app_label, model, actions in EDITOR_SECTION_COLLECTION_PERMS:
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=editors,
                    collection=collection,
                    permission=Permission.objects.get(
                        content_type__app_label=app_label, codename=f"{action}_{model}"
                    ),
                )


def backwards(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=2, name__in=COLLECTIONS, numchild=0).delete()
    for root in Collection.objects.filter(depth=1):
        root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
        root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0005_freigabe_workflow")]

    operations = [migrations.RunPython(forwards, backwards)]
