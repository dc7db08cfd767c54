"""Rendition images encoded once per input, not once per test module.

Many modules load the initial content and render every page, and each time Wagtail encodes the
same pictures anew (AVIF, WebP and JPEG in three widths): the slowest part of the suite after
the migrations. ``install(directory)`` wraps Wagtail's ``Filter.run`` so the encoded bytes are
kept in ``directory`` under a hash of everything the encoding depends on: the source file's
bytes, the filter spec and operations, the image's focal point and size, the image settings
(``WAGTAILIMAGES_*``, ``WILLOW_*``) and the versions of Wagtail, Willow and Pillow. On a hit the
same bytes come back as the same Willow file type; renditions, their rows, files, names and URLs
are made by Wagtail as always. ``RENDITION_CACHE=0`` switches it off.
"""

import hashlib
import importlib
import inspect
import os
from importlib.metadata import version
from pathlib import Path

from django.conf import settings
from wagtail.images.models import Filter

VERSIONS = "|".join(
    f"{name}={version(name)}" for name in ("wagtail", "Willow", "pillow", "pillow_heif")
)


def _operation_sources(filter):
    """The code of operations that are not Wagtail's own (a site's registered operations)."""
    digests = []
    for operation in filter.operations:
        module = type(operation).__module__
        digests.append(f"{module}.{type(operation).__qualname__}")
        if not module.startswith("wagtail."):
            source = inspect.getsourcefile(type(operation))
            digests.append(hashlib.sha256(Path(source).read_bytes()).hexdigest())
    return digests


def _source_bytes(image, source):
    if source is not None:
        source.seek(0)
        data = source.read()
        source.seek(0)
        return data
    with image.open_file() as file:
        return file.read()


# Where the encoded images are kept (``install``); a test may point it elsewhere.
directory = None


def install(cache_directory):
    global directory
    if os.environ.get("RENDITION_CACHE", "1") == "0" or hasattr(Filter.run, "uncached"):
        return
    directory = Path(cache_directory)
    run = Filter.run

    def cached_run(self, image, output, source=None):
        data = _source_bytes(image, source)
        image_settings = sorted(
            (name, repr(getattr(settings, name)))
            for name in dir(settings)
            if name.startswith(("WAGTAILIMAGES_", "WILLOW_"))
        )
        key = hashlib.sha256(
            repr(
                (
                    hashlib.sha256(data).hexdigest(),
                    self.spec,
                    _operation_sources(self),
                    (image.width, image.height),
                    (
                        image.focal_point_x,
                        image.focal_point_y,
                        image.focal_point_width,
                        image.focal_point_height,
                    ),
                    image_settings,
                    VERSIONS,
                )
            ).encode()
        ).hexdigest()
        path = directory / key[:2] / key
        try:
            kind, encoded = path.read_bytes().split(b"\n", 1)
        except FileNotFoundError:
            pass
        else:
            module, _, name = kind.decode().rpartition(":")
            output.write(encoded)
            output.seek(0)
            return getattr(importlib.import_module(module), name)(output)
        result = run(self, image, output, source=source)
        result.f.seek(0)
        encoded = result.f.read()
        result.f.seek(0)
        kind = f"{type(result).__module__}:{type(result).__qualname__}".encode()
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(kind + b"\n" + encoded)
        partial.replace(path)  # atomic: parallel test processes share the directory
        return result

    cached_run.uncached = run
    Filter.run = cached_run
