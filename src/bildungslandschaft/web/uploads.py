"""An upload handler that stops any uploaded file larger than ``BILA_UPLOAD_MAX_MB`` while it streams."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler


def upload_limit_bytes() -> int:
    return int(settings.BILA_UPLOAD_MAX_MB) * 1024 * 1024


class SizeLimitUploadHandler(FileUploadHandler):
    """Runs first: counts the bytes of each file and refuses the request past the limit (HTTP 400)."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:  # noqa: ARG002 - Django's signature
        self.received += len(raw_data)
        if self.received > upload_limit_bytes():
            raise RequestDataTooBig(f"Datei größer als {settings.BILA_UPLOAD_MAX_MB} MB (BILA_UPLOAD_MAX_MB)")
        return raw_data

    def file_complete(self, file_size: int) -> None:  # noqa: ARG002 - Django's signature
        return None
