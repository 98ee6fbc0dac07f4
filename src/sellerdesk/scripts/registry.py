"""Every sales script by id, and which one a lead's project type starts."""

from __future__ import annotations

import importlib

from sellerdesk.errors import NotFound
from sellerdesk.scripts.engine import Script

# Modules that each define SCRIPT, in the order a picker lists them.
SCRIPT_MODULES = (
    "sellerdesk.scripts.redesign",
    "sellerdesk.scripts.new_website",
    "sellerdesk.scripts.changes",
    "sellerdesk.scripts.qualification",
    "sellerdesk.scripts.hosting",
)

_scripts: dict[str, Script] = {}


def all_scripts() -> dict[str, Script]:
    if not _scripts:
        for name in SCRIPT_MODULES:
            module = importlib.import_module(name)
            found = getattr(module, "SCRIPTS", None) or (module.SCRIPT,)
            for script in found:
                _scripts[script.id] = script
    return _scripts


def get_script(script_id: str) -> Script:
    try:
        return all_scripts()[script_id]
    except KeyError:
        names = ", ".join(all_scripts())
        raise NotFound(f"No script '{script_id}'; the scripts are: {names}.") from None


def for_project_type(project_type: str | None) -> Script | None:
    """The script a lead of this project type starts with, if any."""
    for script in all_scripts().values():
        if project_type and script.project_type == project_type:
            return script
    return None


def first_reply(project_type: str | None) -> str | None:
    """The approved first reply for a lead of this project type: the first
    message of the script that type starts. None when the type is not known
    yet: the seller is asked which kind of project it is, never given the
    redesign reply by default."""
    script = for_project_type(project_type)
    if script is None or not script.steps or not script.steps[0].messages:
        return None
    return script.steps[0].messages[0].template
