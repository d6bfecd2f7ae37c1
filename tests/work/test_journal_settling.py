"""The journal's later life (work/journal.py, work/confirming.py, work/undoing.py) on its
own: a journal from before this version gains the new columns and keeps its entries;
a lost answer is settled by what reading the customer back shows; an entry says whether
and how it can be undone."""

from __future__ import annotations

import sqlite3

import pytest

from billie_desktop.work.confirming import outcome_of
from billie_desktop.work.entries import NO_ANSWER, Where
from billie_desktop.work.journal import Journal
from billie_desktop.work.undoing import undo_target

WHERE = Where("https://billie.example.test", "o1", "Billie Cart Melbourne", "Morgan Manager")
OLD_SCHEMA = """
CREATE TABLE entries (
    id INTEGER PRIMARY KEY, started REAL NOT NULL, ended REAL, pid INTEGER NOT NULL,
    server TEXT NOT NULL, organisation_id TEXT NOT NULL, organisation_name TEXT NOT NULL,
    signed_in_as TEXT NOT NULL, kind TEXT NOT NULL, customer_id TEXT NOT NULL,
    customer_name TEXT NOT NULL, previous_account TEXT NOT NULL, new_account TEXT NOT NULL,
    outcome TEXT NOT NULL, message TEXT NOT NULL DEFAULT '', search TEXT NOT NULL DEFAULT '');
INSERT INTO entries VALUES (1, 1.0, 2.0, 1, 'https://billie.example.test', 'o1', 'Mel',
    'Morgan', 'link', 'c1', 'Ann Lee', '', 'ann@example.com', 'no answer', '', '');
"""


def test_a_journal_from_before_gains_the_new_columns_and_keeps_its_entries(tmp_path):
    path = tmp_path / "activity.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(OLD_SCHEMA)
    db.close()
    journal = Journal(path)
    [old] = journal.unconfirmed("https://billie.example.test", ["o1"])
    assert (old["customer_name"], old["account_id"], old["run_id"], old["confirmed"]) == (
        "Ann Lee", "", "", None)
    assert outcome_of(old, "a1") is None  # no account id kept: it cannot be checked
    assert undo_target(old) is None
    entry = journal.begin(WHERE, kind="bulk link", customer_id="c2", customer_name="Bo",
                          previous_account="", new_account="bo@example.com", account_id="a2",
                          run_id="r1")
    assert [r["id"] for r in journal.run("r1")] == [entry]
    journal.close()
    again = Journal(path)  # opened again: nothing added twice
    assert again.count_unconfirmed() == 1
    again.close()


@pytest.mark.parametrize("kind,previous,now,expected", [
    ("link", "", "a1", "linked"),
    ("link", "", None, "not changed"),
    ("link", "", "a9", "not changed"),  # another account: the link is not there
    ("replace", "a0", "a1", "linked"),
    ("unlink", "a1", None, "unlinked"),
    ("unlink", "a1", "a1", "not changed"),
])
def test_a_lost_answer_is_settled_by_what_the_read_shows(tmp_path, kind, previous, now,
                                                         expected):
    journal = Journal(None)
    entry = journal.begin(WHERE, kind=kind, customer_id="c1", customer_name="Ann Lee",
                          previous_account="", new_account="", previous_account_id=previous,
                          account_id="" if kind == "unlink" else "a1")
    journal.finish(entry, NO_ANSWER, "Stopped before the answer came.")
    row = journal.entry(entry)
    assert outcome_of(row, now) == expected
    journal.confirm(entry, expected, "check now", "read back")
    settled = journal.entry(entry)
    assert (settled["outcome"], settled["confirmed_how"]) == (expected, "check now")
    assert settled["confirmed"] is not None and journal.count_unconfirmed() == 0
    journal.confirm(entry, "failed", "check now", "again")  # settled once: kept as it is
    assert journal.entry(entry)["outcome"] == expected
    journal.close()


@pytest.mark.parametrize("kind,outcome,previous,undo", [
    ("link", "linked", "", ("unlink", "", "a1")),
    ("bulk link", "linked", "", ("unlink", "", "a1")),
    ("replace", "linked", "a0", ("put back", "a0", "a1")),
    ("replace", "linked", "", None),  # the replaced account's id was not kept
    ("link", "failed", "", None),
    ("unlink", "unlinked", "a1", None),  # an undo is not undone (link again instead)
])
def test_what_undoes_an_entry(kind, outcome, previous, undo):
    journal = Journal(None)
    entry = journal.begin(WHERE, kind=kind, customer_id="c1", customer_name="Ann Lee",
                          previous_account="Old <old@example.com>", new_account="New",
                          account_id="a1", previous_account_id=previous)
    journal.finish(entry, outcome)
    target = undo_target(journal.entry(entry), run_id="undo-1")
    assert (None if target is None else (target.kind, target.account_id,
                                         target.previous_account_id)) == undo
    if target is not None:
        assert target.run_id == "undo-1" and target.customer_id == "c1"
    journal.close()
