"""Whole user journeys through the real entry point: ``billie-desktop`` started as a
process (offscreen), with a keyring that persists to a file, as a desktop keyring would.
Sign in with Remember me, quit, start again: the customers show with no sign-in window
and no error, in all three session styles; then a link."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from billie_desktop.sandbox.config import AUTH_MODES, SandboxOptions
from billie_desktop.sandbox.server import SandboxServer
from tests.ui.conftest import MANAGER

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "billie-sandbox"


def console(tmp_path: Path, server: str | None, journey: str, *start: str,
            machine: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``billie-desktop --server SERVER`` (or ``start``'s arguments) driven by ``journey``;
    ``machine``: where the machine-wide settings are (XDG_CONFIG_DIRS), none by default."""
    env = {**os.environ, "XDG_CONFIG_DIRS": str(machine or tmp_path / "no-machine-settings"),
           "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "BILLIE_EXPORT_TO": str(tmp_path / "x.csv"),
           "PYTHONPATH": str(ROOT), "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
           "BILLIE_TEST_KEYRING": str(tmp_path / "keyring.json")}
    billie = Path(sys.executable).with_name("billie-desktop")
    command = [str(billie)] if billie.exists() else [sys.executable, "-m", "billie_desktop"]
    start = start or ("--server", str(server))
    return subprocess.run([*command, *start, "--settings", str(tmp_path / "settings.ini"),
                           "--drive", f"tests.journeys:{journey}"],
                          capture_output=True, text=True, timeout=120, env=env, check=False)


def passed(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "[drive] passed" in result.stdout
    assert "unexpected problem" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return result.stdout


@pytest.mark.parametrize("auth", AUTH_MODES)
def test_remember_me_survives_a_restart(tmp_path, auth):
    with SandboxServer(SandboxOptions(customers=80, auth=auth)) as sandbox:
        first = passed(console(tmp_path, sandbox.url, "first_sign_in"))
        assert "keyring: yes" in first and "customers shown" in first
        stored = json.loads((tmp_path / "keyring.json").read_text(encoding="utf-8"))
        assert len(stored) == 1 and PASSWORD not in next(iter(stored.values()))
        logged = log_text(tmp_path)
        again = passed(console(tmp_path, sandbox.url, "remembered"))
        assert "resumed as Morgan Manager" in again and "customers shown" in again
        # The log file joins once the customers are up, and begins with what came before.
        assert "GET /auth 200" in log_text(tmp_path)[len(logged):]
        assert "collector on, " in again  # held during start-up only (ui/warm_up.py)
        assert "sign-in window never imported" in again  # nothing to pay for
        assert "imported before the customers, yet unused: []" in again
        assert "pydantic plugins: __all__" in again  # (none: they would see every answer)
        assert "window icon set" in again
        if auth == "jwt-cookie":
            linked = passed(console(tmp_path, sandbox.url, "link_one"))
            assert "linked " in linked and "Linked" in linked
            bulk = passed(console(tmp_path, sandbox.url, "bulk_link"))
            assert "asked: Link 3 customers of " in bulk
            assert "bulk linked 3; Done — linked 3, failed 0, not sent 0." in bulk
            export = passed(console(tmp_path, sandbox.url, "export_and_activity"))
            assert "exported 80 rows; exported" in export
            assert "activity: 4 entries (bulk link, link)" in export
    log = (tmp_path / "state").rglob("billie-desktop.log")
    assert all(PASSWORD not in p.read_text(encoding="utf-8") for p in log)


def log_text(tmp_path: Path) -> str:
    logs = sorted((tmp_path / "state").rglob("billie-desktop.log"))
    return "".join(p.read_text(encoding="utf-8") for p in logs)


def test_a_console_killed_mid_link_is_settled_at_the_next_start(tmp_path):
    """The activity journal is written before the request: a crash leaves "no answer", never
    a gap; the server made the link after all (the PUT had gone out whole), and the next start
    reads the customer back and settles the entry as linked, saying when and how."""
    from billie_desktop.work.journal import Filters, Journal

    with SandboxServer(SandboxOptions(customers=80, faults=True)) as sandbox:
        passed(console(tmp_path, sandbox.url, "first_sign_in"))
        httpx.post(f"{sandbox.url}/sandbox/faults", json={
            "fault": "latency=2", "path": "/customers/", "method": "PUT"})
        killed = console(tmp_path, sandbox.url, "killed_while_linking")
        assert "[journey] pending; killed" in killed.stdout and killed.returncode == -9
        path = tmp_path / "data" / "billie-desktop" / "activity.sqlite3"
        journal = Journal(path)
        [row] = journal.page(Filters(), 0, 10)
        journal.close()
        assert row["outcome"] == "no answer" and row["kind"] == "link"
        assert row["customer_name"] and row["new_account"] and row["account_id"]
        with httpx.Client(base_url=sandbox.url) as http:  # the server made it, late
            http.post("/auth/credentials", json={"userName": MANAGER,
                                                 "password": PASSWORD})
            for _ in range(50):
                answer = http.get(f"/customers/{row['customer_id']}", params={
                    "organisationId": row["organisation_id"]})
                assert answer.status_code == 200, (answer.status_code, answer.text[:300])
                customer = answer.json()["customer"]
                if customer.get("userAccountId"):
                    break
                time.sleep(0.1)
        assert customer["userAccountId"].replace("-", "") == row["account_id"].replace("-", "")
        out = passed(console(tmp_path, sandbox.url, "settled_after_restart"))
    assert "[journey] status: Checked 1 changes whose answer had been lost: 1 made" in out
    assert "[journey] activity: Linked (confirmed later)" in out
    journal = Journal(path)
    [row] = journal.page(Filters(), 0, 10)
    journal.close()
    assert (row["outcome"], row["confirmed_how"]) == ("linked", "at sign-in")
    assert "read back at sign-in on " in row["message"]


def test_closing_mid_run_asks_and_the_journal_matches_the_server(tmp_path):
    """Through the real entry point: Link by email under way, the main window closed, Stop
    chosen; every link the server made is in the journal as linked, none is left unknown."""
    from billie_desktop.work.journal import Filters, Journal

    with SandboxServer(SandboxOptions(customers=400, faults=True, shared_emails=3)) as sandbox:
        passed(console(tmp_path, sandbox.url, "first_sign_in"))
        httpx.post(f"{sandbox.url}/sandbox/faults", json={
            "fault": "latency=0.2", "path": "/customers/", "method": "PUT", "times": 1000})
        out = passed(console(tmp_path, sandbox.url, "closed_mid_run"))
        counts = httpx.get(f"{sandbox.url}/sandbox/requests").json()["counts"]
    assert "[journey] asked: A link run is in progress (" in out
    done = out.split("[journey] closed; ")[1].splitlines()[0]
    assert done.startswith("Cancelled — linked "), done
    linked = int(done.split("linked ")[1].split(",")[0])
    server_puts = sum(v for k, v in counts.items() if k.startswith("PUT /customers/"))
    journal = Journal(tmp_path / "data" / "billie-desktop" / "activity.sqlite3")
    outcomes = [r["outcome"] for r in journal.rows(Filters())]
    journal.close()
    assert outcomes == ["linked"] * linked and server_puts == linked


def test_a_sandbox_start_signs_in_afresh_even_with_a_remembered_session(tmp_path):
    from billie_desktop.ui.settings import Settings

    settings = Settings(tmp_path / "settings.ini")
    settings.last_server = "https://staging-api.billiecart.com.au"
    settings.remember = True
    settings.sync()
    result = console(tmp_path, None, "sandbox_signs_in_afresh", "--sandbox", "--db",
                     str(tmp_path / "sb.sqlite3"), "--customers", "20")
    assert "sandbox offered: sandbox" in passed(result)


def test_the_server_set_at_install_is_where_a_first_sign_in_goes(tmp_path):
    """IT set the server for the machine at install time (the MSI's SERVERURL; on Linux
    /etc/xdg/Billie/Billie Desktop.conf): a first start offers it, and signing in without
    choosing a server signs in there."""
    with SandboxServer(SandboxOptions(customers=40)) as sandbox:
        machine = tmp_path / "xdg"
        (machine / "Billie").mkdir(parents=True)
        (machine / "Billie" / "Billie Desktop.conf").write_text(
            f"[sign-in]\ndefault-server={sandbox.url}\n", encoding="utf-8")
        out = passed(console(tmp_path, None, "server_set_at_install", "--log-level", "info",
                             machine=machine))
        assert f"offered: {sandbox.url}" in out and "customers shown" in out
