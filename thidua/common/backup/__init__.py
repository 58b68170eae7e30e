"""``thidua backup`` and ``thidua restore``: the database and the uploaded files in one
archive with a manifest, and back (docs/deploy.md, "Sao lưu")."""

from thidua.common.backup.archive import Unpacked, unpacked
from thidua.common.backup.errors import BackupError
from thidua.common.backup.service import (
    Created,
    Plan,
    backup_create,
    backup_folder,
    backup_restore,
    media_root,
    restore_plan,
)

__all__ = [
    "BackupError",
    "Created",
    "Plan",
    "Unpacked",
    "backup_create",
    "backup_folder",
    "backup_restore",
    "media_root",
    "restore_plan",
    "unpacked",
]
