"""Where the bundled dataset and schemas are: inside the installed package.

A wheel carries them as ``kursk_pows/dataset`` and ``kursk_pows/schema`` and they are found with
``importlib.resources``.  An editable install maps only the Python package onto ``validators/``,
so there the data is found beside it through the install's PEP 610 record (``direct_url.json``),
which names the project directory.
"""

from __future__ import annotations

import json
from importlib import metadata, resources
from pathlib import Path
from urllib.parse import unquote, urlparse

DISTRIBUTION = "kursk-pows"


class DataNotFound(RuntimeError):
    """The installed package has no bundled data (a broken or partial install)."""


def _editable_project() -> Path | None:
    """The project directory of an editable install, from its ``direct_url.json``.

    Every installed copy of the distribution is examined: a build's ``*.egg-info`` folder in the
    current directory is also seen as one, but it has no ``direct_url.json``.
    """
    for dist in metadata.distributions(name=DISTRIBUTION):
        direct_url = dist.read_text("direct_url.json")
        if not direct_url:
            continue
        info = json.loads(direct_url)
        url = urlparse(info.get("url", ""))
        if info.get("dir_info", {}).get("editable") and url.scheme == "file":
            return Path(unquote(url.path))
    return None


def bundled(name: str) -> Path:
    """The directory of bundled data called ``name`` (``dataset`` or ``schema``)."""
    packaged = resources.files("kursk_pows").joinpath(name)
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    project = _editable_project()
    if project is not None and (project / name).is_dir():
        return project / name
    raise DataNotFound(
        f"the kursk-pows installation has no bundled {name}/ directory; reinstall the package"
    )
