"""The layering contract (pyproject.toml, checked by lint-imports in `make test`) names every app.

lint-imports only checks the apps a contract lists; an app left out would be free to import anything.
"""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "rekrut"


def _contract(name_start: str) -> dict:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["name"].startswith(name_start))


def _layered_apps() -> set[str]:
    names = set()
    for layer in _contract("Apps are layered")["layers"]:
        for part in layer.split("|"):
            names.add(part.strip().strip("()"))
    return names


def test_every_app_is_in_the_layering_contract() -> None:
    apps = {path.parent.name for path in PACKAGE.glob("*/apps.py")}
    assert apps, "no apps found"
    missing = apps - _layered_apps()
    assert not missing, f"add these apps to the layers contract in pyproject.toml: {sorted(missing)}"


def test_the_demo_company_is_forbidden_to_every_other_app() -> None:
    apps = {path.parent.name for path in PACKAGE.glob("*/apps.py")} - {"demo"}
    sources = {module.removeprefix("rekrut.") for module in _contract("The demo company")["source_modules"]}
    assert apps <= sources, f"list these apps in the demo contract: {sorted(apps - sources)}"


def test_no_app_reaches_models_through_the_app_registry() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts
        and ("apps.get_model" in path.read_text() or "from django.apps import apps" in path.read_text())
    ]
    assert not offenders, offenders
