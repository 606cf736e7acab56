"""Fixtures shared by every test folder: a fresh workspace per test, the office's people."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

# Tests never touch a real keyring or a real display.
os.environ.setdefault("FASKIM_NO_KEYRING", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from faskim_desktop.core import office
from faskim_desktop.core.accounts import Accounts, Principal
from faskim_desktop.core.scripted_case import Crew
from faskim_desktop.core.workspace import Workspace, open_workspace

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "artifacts"
PASSWORD = "rahasia-123"

# username -> roles; one person per role plus a small-office officer holding several.
PEOPLE = {
    "loket1": "loket",
    "loket2": "loket",
    "spv1": "supervisor",
    "spv2": "supervisor",
    "bendahara1": "bendahara",
    "wasdakim1": "wasdakim",
    "kakanim1": "kakanim",
    "infokim1": "infokim",
    "teknisi1": "teknisi",
    "admin1": "admin",
    "serba1": "loket,supervisor,bendahara",
}


def postgres_url() -> str | None:
    """A database of this test process on the throw-away server scripts/postgres started, if any.

    The name carries the process id, so test runs that overlap (two developers, a helper and CI)
    never drop each other's databases.
    """
    from sqlalchemy.engine import make_url

    url = os.environ.get("FASKIM_TEST_PG_URL")
    if not url:
        path = REPO / ".run" / "postgres" / "url"
        url = path.read_text().strip() if path.exists() else None
    if not url:
        return None
    parsed = make_url(url)
    return parsed.set(database=f"{parsed.database}_{os.getpid()}").render_as_string(hide_password=False)


def _admin_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database="postgres").render_as_string(hide_password=False)


def _recreate_database(url: str, template: str | None = None) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    engine = create_engine(_admin_url(url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    engine.dispose()


def _drop_databases(url: str | None, template: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    if not url:
        return
    engine = create_engine(_admin_url(url), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for name in (make_url(url).database, template):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    except Exception:  # a server already stopped leaves nothing to clean
        pass
    finally:
        engine.dispose()


def _populate(ws: Workspace) -> None:
    with ws.store.write() as session:
        office.set_fee(session, "setup", 400_000, date(2019, 1, 1))
    accounts = Accounts(ws.store)
    for username, roles in PEOPLE.items():
        accounts.add_user("setup", username, username.title(), PASSWORD, roles)


def _open(folder: Path, url: str | None, upgrade: bool) -> Workspace:
    if url:
        os.environ["FASKIM_DB_URL"] = url
    else:
        os.environ.pop("FASKIM_DB_URL", None)
    try:
        return open_workspace(folder, upgrade=upgrade)
    finally:
        os.environ.pop("FASKIM_DB_URL", None)


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    """Stores migrated and populated once per run; each test gets a copy (argon2 is slow on purpose)."""
    made: dict[str, object] = {}
    folder = tmp_path_factory.mktemp("template-sqlite")
    ws = _open(folder, None, upgrade=True)
    _populate(ws)
    ws.close()
    made["sqlite"] = folder / "faskim.sqlite3"
    yield made
    if "postgres" in made:  # this process's databases go with it
        _drop_databases(postgres_url(), str(made["postgres"]))


def _postgres_template(templates: dict[str, object], folder: Path) -> str:
    from sqlalchemy.engine import make_url

    url = postgres_url()
    if not url:
        pytest.skip("PostgreSQL not started (scripts/postgres start, or run scripts/test)")
    template_name = f"{make_url(url).database}_template"
    if "postgres" not in templates:
        template_url = make_url(url).set(database=template_name).render_as_string(hide_password=False)
        _recreate_database(template_url)
        ws = _open(folder / "template", template_url, upgrade=True)
        _populate(ws)
        ws.close()
        templates["postgres"] = template_name
    _recreate_database(url, template_name)
    return url


def make_workspace(folder: Path, templates: dict[str, object], backend: str = "sqlite") -> Workspace:
    folder.mkdir(parents=True, exist_ok=True)
    if backend == "postgres":
        return _open(folder, _postgres_template(templates, folder), upgrade=False)
    shutil.copyfile(templates["sqlite"], folder / "faskim.sqlite3")  # type: ignore[arg-type]
    return _open(folder, None, upgrade=False)


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _templates: dict[str, object]) -> Iterator[Workspace]:
    monkeypatch.setenv("FASKIM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("FASKIM_DB_URL", raising=False)
    ws = make_workspace(tmp_path / "data", _templates)
    yield ws
    ws.close()


@pytest.fixture(params=["sqlite", "postgres"])
def any_workspace(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _templates: dict[str, object]
) -> Iterator[Workspace]:
    """The same test on the embedded store and on a real PostgreSQL server."""
    monkeypatch.setenv("FASKIM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("FASKIM_DB_URL", raising=False)
    ws = make_workspace(tmp_path / "data", _templates, request.param)
    if request.param == "postgres":
        monkeypatch.setenv("FASKIM_DB_URL", ws.store.url)
    yield ws
    ws.close()


@pytest.fixture(autouse=True)
def _collect_garbage_on_main_thread() -> Iterator[None]:
    """No automatic garbage collection during a test: it could start on a device or store worker
    thread and free Qt objects there (a crash). The application does the same with
    ``gui.device_worker.GuiThreadGarbageCollector``."""
    enabled = gc.isenabled()
    gc.disable()
    yield
    gc.collect()
    if enabled:
        gc.enable()


@pytest.fixture
def people(workspace: Workspace) -> dict[str, Principal]:
    accounts = Accounts(workspace.store)
    return {name: accounts.principal(name) for name in PEOPLE}


def principals(ws: Workspace) -> dict[str, Principal]:
    accounts = Accounts(ws.store)
    return {name: accounts.principal(name) for name in PEOPLE}


def standard_crew(people: dict[str, Principal]) -> Crew:
    """The usual seat for each SOP role: loket1, spv1 (with PASSWORD), bendahara1, wasdakim1,
    kakanim1, infokim1."""
    return Crew(
        people["loket1"], people["spv1"], PASSWORD, people["bendahara1"], people["wasdakim1"],
        people["kakanim1"], people["infokim1"],
    )  # fmt: skip


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def seat_factory(workspace: Workspace, qtbot):  # type: ignore[no-untyped-def]
    """Build a seat (the context a main window and its pages share) for one of PEOPLE, with
    simulated devices. Each seat has its own store worker, as in the application."""
    from faskim_desktop.gui.context import SeatContext
    from faskim_desktop.gui.devices_hub import DeviceHub
    from faskim_desktop.gui.tasks import TaskRunner

    made: list[SeatContext] = []

    def make(username: str, simulated: bool = True) -> SeatContext:
        principal = Accounts(workspace.store).principal(username)
        ctx = SeatContext(workspace, principal, TaskRunner(), devices=DeviceHub(workspace.folder, simulated))
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.tasks.shutdown()


def wait_idle(qtbot, ctx, timeout: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    """Wait until the seat's store worker has delivered every result to the GUI."""
    qtbot.waitUntil(lambda: ctx.tasks._pending == 0, timeout=timeout)
