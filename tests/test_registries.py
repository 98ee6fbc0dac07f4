"""The two registries list every module that plugs into them.

`rules.RULE_MODULES` is what every entry point imports before a change runs
its rules: a module that registers a rule but is missing from it runs that
rule only when something else happened to import it. `cli.main.COMMAND_MODULES`
is where the CLI finds its subcommands: a command module missing from it
simply does not exist for the user.
"""

from __future__ import annotations

import ast
from pathlib import Path

import sellerdesk
from sellerdesk import rules
from sellerdesk.cli.main import COMMAND_MODULES

ROOT = Path(sellerdesk.__file__).parent
# The decorators a rule registers itself with: rules.on_stage_change, ...
REGISTERING = {name for name in vars(rules) if name.startswith("on_")}


def _modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "migrations" in parts:
            continue
        name = ".".join(("sellerdesk", *parts)).removesuffix(".__init__")
        found[name] = ast.parse(path.read_text(encoding="utf-8"))
    return found


def registers_rules(tree: ast.Module) -> bool:
    """Whether the module hands a function to `rules.on_...` (as a decorator or a call)."""
    for node in ast.walk(tree):
        target = None
        if isinstance(node, ast.Call):
            target = node.func
        elif isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Attribute | ast.Name):
                    target = decorator
        if isinstance(target, ast.Attribute) and target.attr in REGISTERING:
            return True
        if isinstance(target, ast.Name) and target.id in REGISTERING:
            return True
    return False


def defines_register(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.FunctionDef) and node.name == "register" for node in tree.body)


def test_the_checks_tell_a_registering_module_from_others():
    assert registers_rules(ast.parse("@rules.on_stage_change\ndef f(*a): pass\n"))
    assert registers_rules(ast.parse("on_order_change(f)\n"))
    assert not registers_rules(ast.parse("rules.stage_changed(s, lead, a, b, c)\n"))
    assert defines_register(ast.parse("def register(subparsers):\n    pass\n"))
    assert not defines_register(ast.parse("def other():\n    def register(): pass\n"))


def test_every_module_that_registers_rules_is_in_rule_modules():
    modules = _modules()
    registering = {name for name, tree in modules.items() if registers_rules(tree)}
    registering.discard("sellerdesk.rules")  # defines the decorators, registers nothing
    assert registering, "no rule modules found: the check is looking in the wrong place"
    assert registering == set(rules.RULE_MODULES)


def test_every_command_module_is_in_command_modules():
    modules = _modules()
    commands = {
        name
        for name, tree in modules.items()
        if name.startswith("sellerdesk.cli.") and defines_register(tree)
    }
    assert len(commands) > 5
    assert commands == set(COMMAND_MODULES)
    assert len(COMMAND_MODULES) == len(set(COMMAND_MODULES))
