"""Uploaded source files: kept in MEDIA_ROOT/uploads/<token>/ until committed or cancelled."""

from __future__ import annotations

import hashlib
import shutil
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename

from bildungslandschaft.core.ingest import guard
from bildungslandschaft.core.ingest.pipeline import mapping_path_for
from bildungslandschaft.web.staff.models import StagedUpload


def upload_folder(token: uuid.UUID) -> Path:
    return Path(settings.MEDIA_ROOT) / "uploads" / str(token)


def stage(upload: UploadedFile, mapping: UploadedFile | None, user: Any) -> StagedUpload:
    """Save an uploaded file (and its mapping file) for preview; nothing is imported yet."""
    name = get_valid_filename(Path(upload.name or "datei").name)
    guard.check_size(Path(name), upload.size or 0)  # before a byte is stored; the importer checks the rest
    token = uuid.uuid4()
    folder = upload_folder(token)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    digest = hashlib.sha256()
    with path.open("wb") as target:
        for chunk in upload.chunks():
            digest.update(chunk)
            target.write(chunk)
    mapping_path = ""
    if mapping is not None:
        mapping_file = mapping_path_for(path)
        mapping_file.write_bytes(b"".join(mapping.chunks()))
        mapping_path = str(mapping_file)
    return StagedUpload.objects.create(
        token=token,
        file_name=name,
        stored_path=str(path),
        mapping_path=mapping_path,
        sha256=digest.hexdigest(),
        uploaded_by=user,
    )


def discard(staged: StagedUpload) -> None:
    """Delete the stored file and forget the upload."""
    shutil.rmtree(upload_folder(staged.token), ignore_errors=True)
    staged.delete()
