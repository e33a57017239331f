"""Where files live that only a permission-checked view may hand out."""

from django.core.files.storage import storages


def private_storage():
    """The ``private`` storage (``settings.STORAGES``): never served under MEDIA_URL; the
    certificate PDFs and the evaluation reports, each read back through its own view."""
    return storages["private"]


def move_files(names, *, source: str, target: str) -> int:
    """Move the files ``names`` from the storage named ``source`` to the one named ``target``,
    keeping their names (for a migration that changes a field's storage). A file missing from
    ``source`` or already in ``target`` is left alone. Returns how many moved."""
    source, target = storages[source], storages[target]
    moved = 0
    for name in names:
        if not name or target.exists(name) or not source.exists(name):
            continue
        with source.open(name, "rb") as content:
            saved = target.save(name, content)
        if saved != name:  # the storage chose another name: keep the original where it was
            target.delete(saved)
            continue
        source.delete(name)
        moved += 1
    return moved


def moves_to_private(app_label: str, model_name: str, *fields: str) -> tuple:
    """The forward and backward functions of a migration's RunPython that moves the files of
    ``fields`` of a model from the default storage to the private one (and back)."""

    def names(apps):
        model = apps.get_model(app_label, model_name)
        for row in model.objects.values_list(*fields).iterator():
            yield from row

    def forward(apps, schema_editor):
        move_files(names(apps), source="default", target="private")

    def backward(apps, schema_editor):
        move_files(names(apps), source="private", target="default")

    return forward, backward
