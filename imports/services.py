"""Starting and running an import, from the command line or the admin."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from imports.engine import Engine
from imports.items import ArchiveError
from imports.mapping import Mapping
from imports.media import MediaFetcher
from imports.models import ImportRun, Reader

# Named by path, not imported here: each reader is a module of its own that brings its own
# parser (lxml, a SQL dump tokenizer, an HTML selector engine), loaded only when used.
READERS = {
    Reader.WXR: "imports.readers.wxr.WxrReader",
    Reader.NUKEVIET: "imports.readers.nukeviet.NukeVietReader",
    Reader.HTML: "imports.readers.savedhtml.SavedHtmlReader",
}


def make_reader(reader: str, path: Path, options: dict):
    if reader not in READERS:
        raise ArchiveError(_("Unknown reader “%(r)s”.") % {"r": reader})
    cls = import_string(READERS[reader])
    if reader == Reader.WXR:
        return cls(path, zone=options.get("zone") or settings.TIME_ZONE)
    if reader == Reader.NUKEVIET:
        return cls(
            path,
            base_url=options.get("old_url") or "",
            prefix=options.get("prefix") or "nv4",
        )
    if not options.get("selectors"):
        raise ArchiveError(_("Saved HTML pages need a selector file."))
    return cls(path, selectors=Path(options["selectors"]))


@transaction.atomic
def import_run_create(
    *, source: str, reader: str, path: str, options: dict, dry_run: bool, by, save: bool = True
) -> ImportRun:
    """A new import; a dry run from the command line is not saved (it writes nothing)."""
    run = ImportRun(
        source=source, reader=reader, path=path, options=options, dry_run=dry_run, started_by=by
    )
    if save:
        run.save()
    return run


def import_run_resumable(*, source: str) -> ImportRun | None:
    """The last run of ``source`` that did not finish (killed, or failed)."""
    return (
        ImportRun.objects.filter(source=source, dry_run=False)
        .exclude(state=ImportRun.State.DONE)
        .order_by("-pk")
        .first()
    )


def report_path_for(run: ImportRun) -> Path:
    stamp = timezone.localtime(run.started_at).strftime("%Y%m%d-%H%M%S")
    return Path(settings.IMPORT_REPORT_DIR) / f"{run.source}-{run.pk}-{stamp}.csv"


def import_run_execute(
    *,
    run: ImportRun,
    out: TextIO | None = None,
    resume: bool = False,
    after_item=None,
    progress_every: float = 2.0,
) -> ImportRun:
    """Read the archive of ``run`` once to check it, then plan (dry run) or import it."""
    out = out or sys.stderr
    options = run.options or {}
    try:
        reader = make_reader(run.reader, Path(run.path), options)
        mapping = Mapping.load(Path(options["mapping"]) if options.get("mapping") else None)
        ImportRun.objects.filter(pk=run.pk).update(state=ImportRun.State.RUNNING)
        reader.scan()
        media = MediaFetcher(
            base_url=options.get("old_url") or getattr(reader, "base_url", ""),
            uploads_dir=Path(options["uploads"]) if options.get("uploads") else None,
            allow_hosts=set(options.get("allow_hosts") or []),
            max_bytes=int(options.get("max_bytes") or settings.IMAGE_MAX_BYTES),
        )
        engine = Engine(
            reader=reader,
            source=run.source,
            by=run.started_by,
            mapping=mapping,
            media=media,
            run=run,
            missing_media=options.get("missing_media") or "drop",
            out=out,
            report_path=None if run.dry_run else report_path_for(run),
            resume=resume,
            progress_every=progress_every,
            after_item=after_item,
        )
        if run.dry_run:
            lines = reader.plan_lines() + engine.plan().lines()
            text = "\n".join(lines)
            run.plan, run.total, run.state = text, reader.total, ImportRun.State.DONE
            ImportRun.objects.filter(pk=run.pk).update(
                plan=text,
                state=ImportRun.State.DONE,
                finished_at=timezone.now(),
                total=reader.total,
            )
        else:
            engine.run()
    except ArchiveError as exc:
        ImportRun.objects.filter(pk=run.pk).update(
            state=ImportRun.State.FAILED, message=str(exc), finished_at=timezone.now()
        )
        raise
    except Exception as exc:
        # Anything else (the database gone, a disk full): the run says it stopped, and
        # --resume continues it; the traceback goes to the log.
        ImportRun.objects.filter(pk=run.pk).update(
            state=ImportRun.State.FAILED,
            message=_("Stopped by an error: %(e)s. Resume it once the cause is fixed.")
            % {"e": exc.__class__.__name__},
        )
        raise
    if run.pk is not None:
        run.refresh_from_db()
    return run


def import_run_repeat(*, run: ImportRun, by) -> ImportRun:
    """The import a dry run planned: the same archive and options, this time written."""
    return import_run_create(
        source=run.source, reader=run.reader, path=run.path, options=dict(run.options or {}),
        dry_run=False, by=by,
    )  # fmt: skip


def import_run_log_path(run: ImportRun) -> Path:
    return Path(settings.IMPORT_REPORT_DIR) / f"{run.source}-{run.pk}.log"


def import_run_launch(*, run: ImportRun, resume: bool = False) -> None:
    """Run ``manage.py import_archive --run <id>`` detached from the web process.

    A process of its own, in a session of its own: a gunicorn worker that is recycled or
    times out does not take the import with it, and a long import holds no worker.
    """
    log_path = import_run_log_path(run)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "import_archive"]
    command += ["--run", str(run.pk)] + (["--resume"] if resume else [])
    with log_path.open("ab") as log:
        subprocess.Popen(  # noqa: S603 - our own command, arguments from our own database
            command,
            cwd=settings.BASE_DIR,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
            close_fds=True,
        )
