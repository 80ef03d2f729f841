"""`make audit` and CI: a vulnerability fails; an audit that could not look says so last."""

import importlib.util
import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("ci_audit", ROOT / ".ci" / "audit.py")
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

UNREACHABLE = "Dependency not found on PyPI and could not be audited: django (5.2.19)"


@pytest.fixture
def lock_file(tmp_path) -> Path:
    path = tmp_path / "requirements.lock"
    path.write_text("django==5.2.19\n    # via newsroom\nnh3==0.3.0\nredis==8.1.0\n")
    return path


def answering(monkeypatch, *, dependencies=None, stdout=None, stderr=""):
    if stdout is None:
        stdout = json.dumps({"dependencies": dependencies, "fixes": []})
    done = subprocess.CompletedProcess([], 0, stdout=stdout, stderr=stderr)
    monkeypatch.setattr(audit, "pip_audit", lambda lock_file: done)


def dep(name, *, vulns=(), skip_reason=None):
    found = {"name": name, "version": "1.0", "vulns": list(vulns)}
    if skip_reason:
        found["skip_reason"] = skip_reason
    return found


def last_line(capsys) -> str:
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_nothing_reachable_passes_but_says_nothing_was_audited(monkeypatch, capsys, lock_file):
    answering(monkeypatch, dependencies=[dep(n, skip_reason=UNREACHABLE) for n in "abc"])
    assert audit.main(str(lock_file)) == 0
    assert last_line(capsys).endswith("not audited: 3 of 3 packages")


def test_strict_fails_when_anything_was_not_audited(monkeypatch, capsys, lock_file):
    answering(
        monkeypatch, dependencies=[dep("django", skip_reason=UNREACHABLE), dep("nh3"), dep("r")]
    )
    assert audit.main(str(lock_file), require_all=True) == 1
    assert last_line(capsys) == "audit: FAILED; not audited: 1 of 3 packages"


def test_a_known_vulnerability_fails(monkeypatch, capsys, lock_file):
    vuln = {"id": "PYSEC-2099-1", "fix_versions": ["5.2.20"]}
    answering(monkeypatch, dependencies=[dep("django", vulns=[vuln]), dep("nh3"), dep("redis")])
    assert audit.main(str(lock_file)) == 1
    out = capsys.readouterr().out
    assert "django 1.0: PYSEC-2099-1 (fixed in 5.2.20)" in out
    assert out.strip().splitlines()[-1] == "audit: FAILED; not audited: 0 of 3 packages"


def test_a_clean_audit_of_everything(monkeypatch, capsys, lock_file):
    answering(monkeypatch, dependencies=[dep("django"), dep("nh3"), dep("redis")])
    assert audit.main(str(lock_file)) == 0
    assert last_line(capsys) == (
        "audit: no known vulnerability found; not audited: 0 of 3 packages"
    )


def test_pip_audit_unable_to_connect_counts_every_pin_as_not_audited(
    monkeypatch, capsys, lock_file
):
    answering(monkeypatch, stdout="", stderr="ConnectionError: Max retries exceeded")
    assert audit.main(str(lock_file)) == 0
    assert last_line(capsys).endswith("not audited: 3 of 3 packages")
    assert audit.main(str(lock_file), require_all=True) == 1
