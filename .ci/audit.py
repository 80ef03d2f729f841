"""Known vulnerabilities in the locked dependencies (pip-audit), for CI and `make audit`.

    python .ci/audit.py requirements.lock

Fails (exit 1) when pip-audit reports a vulnerability that is not listed in
.ci/audit-exceptions.txt (one advisory id per line, with the reason in a comment; the
README names each one).

pip-audit needs a vulnerability database on the network (PyPI's JSON API or OSV). When a
package cannot be looked up because the service is unreachable or does not know the
version (a mirror), pip-audit skips it; this script names those packages loudly and does
not fail for them alone (for them the audit did not run: it found nothing because it
could not look). Any other skip reason fails.
"""

import json
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


def exceptions() -> list[str]:
    if not EXCEPTIONS.is_file():
        return []
    ids = []
    for line in EXCEPTIONS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            ids.append(line)
    return ids


def main(lock_file: str) -> int:
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
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(result.stdout + result.stderr)
        if any(marker in result.stderr for marker in UNREACHABLE_MARKERS[1:]):
            print("audit: WARNING the vulnerability service is unreachable; nothing was audited")
            return 0
        print("audit: pip-audit failed")
        return 1

    vulnerable = [dep for dep in report["dependencies"] if dep.get("vulns")]
    skipped = [dep for dep in report["dependencies"] if dep.get("skip_reason")]
    audited = len(report["dependencies"]) - len(skipped)
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
            f"{names}. Run `make audit` on a machine with internet access."
        )
    if vulnerable or other:
        return 1
    if audited:
        print(f"audit: {audited} package(s) audited, no known vulnerability")
    else:
        print("audit: WARNING nothing could be audited from here")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "requirements.lock"))
