"""Known vulnerabilities in the locked dependencies (pip-audit), for CI and `make audit`.

    python .ci/audit.py requirements.lock [--require-all]

Fails (exit 1) when pip-audit reports a vulnerability that is not listed in
.ci/audit-exceptions.txt (one advisory id per line, with the reason in a comment).

pip-audit needs a vulnerability database on the network (PyPI's JSON API or OSV). Where
it cannot look a package up (no network, a mirror that does not know the version), that
package is *not audited*: it is named, and the last line of the output always says how
many were, ``audit: not audited: N of M packages``, so that a green step that looked at
nothing cannot be read as a clean bill. That alone does not fail (CI runs where PyPI may
be out of reach); with ``--require-all`` (``make audit STRICT=1``, on a deployer's
machine) it does. Any other reason to skip a package fails.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXCEPTIONS = HERE / "audit-exceptions.txt"
UNREACHABLE_MARKERS = (
    "Dependency not found on PyPI",
    "Connection",
    "connection",
    "timed out",
)
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", re.MULTILINE)


def exceptions() -> list[str]:
    if not EXCEPTIONS.is_file():
        return []
    ids = []
    for line in EXCEPTIONS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            ids.append(line)
    return ids


def pinned(lock_file: str) -> list[str]:
    return _PIN.findall(Path(lock_file).read_text(encoding="utf-8"))


def pip_audit(lock_file: str) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        "-m",
        "pip_audit",
        "--requirement",
        lock_file,
        "--no-deps",
        "--disable-pip",
        "--vulnerability-service",
        "pypi",
        "--progress-spinner",
        "off",
        "--format",
        "json",
    ]
    for advisory in exceptions():
        command += ["--ignore-vuln", advisory]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def summary(not_audited: int, total: int, *, failed: bool) -> str:
    """The last line, whatever happened."""
    verdict = "FAILED" if failed else "no known vulnerability found"
    return f"audit: {verdict}; not audited: {not_audited} of {total} packages"


def main(lock_file: str, *, require_all: bool = False) -> int:
    total = len(pinned(lock_file))
    result = pip_audit(lock_file)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(result.stdout + result.stderr)
        unreachable = any(marker in result.stderr for marker in UNREACHABLE_MARKERS[1:])
        if unreachable:
            print("audit: WARNING the vulnerability service is unreachable; nothing was audited")
        else:
            print("audit: pip-audit failed")
        failed = not unreachable or require_all
        print(summary(total, total, failed=failed))
        return 1 if failed else 0

    dependencies = report["dependencies"]
    vulnerable = [dep for dep in dependencies if dep.get("vulns")]
    skipped = [dep for dep in dependencies if dep.get("skip_reason")]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
            print(f"audit: {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixes})")
    unreachable = [
        dep for dep in skipped if any(m in dep["skip_reason"] for m in UNREACHABLE_MARKERS)
    ]
    other = [dep for dep in skipped if dep not in unreachable]
    for dep in other:
        print(f"audit: {dep['name']} not audited: {dep['skip_reason']}")
    if unreachable:
        names = ", ".join(dep["name"] for dep in unreachable)
        print(
            f"audit: WARNING {len(unreachable)} package(s) could not be looked up "
            f"(vulnerability service unreachable, or it does not know the pinned version): "
            f"{names}. Run `make audit STRICT=1` on a machine with internet access."
        )
    total = max(total, len(dependencies))
    failed = bool(vulnerable or other or (require_all and unreachable))
    if not failed and len(skipped) < total:
        print(f"audit: {total - len(skipped)} package(s) audited, no known vulnerability")
    print(summary(len(skipped), total, failed=failed))
    return 1 if failed else 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    strict = "--require-all" in arguments
    files = [a for a in arguments if not a.startswith("--")]
    sys.exit(main(files[0] if files else "requirements.lock", require_all=strict))
