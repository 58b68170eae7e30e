"""Demo accounts: the administrator, one officer per demo unit (acting for that unit alone), a
council member and a read-only leader. Passwords are simple on purpose and printed."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.hashers import get_hasher

from thidua.accounts.models import Role, RoleKind, User
from thidua.demo.state import Demo
from thidua.orgs.models import Unit


@dataclass(frozen=True)
class Account:
    username: str
    password: str
    kind: str
    unit: str | None  # unit code; None for the administrator


ACCOUNTS: tuple[Account, ...] = (
    Account("admin", "admin", RoleKind.ADMIN, None),
    Account("canbo.kienan", "kienan", RoleKind.OFFICER, "HP-KA"),
    Account("canbo.ngocson", "ngocson", RoleKind.OFFICER, "HP-KA-NS"),
    Account("canbo.tranthanhngo", "tranthanhngo", RoleKind.OFFICER, "HP-KA-TTN"),
    Account("canbo.vandau", "vandau", RoleKind.OFFICER, "HP-KA-VD"),
    Account("canbo.bacson", "bacson", RoleKind.OFFICER, "HP-KA-BS"),
    Account("canbo.namson", "namson", RoleKind.OFFICER, "HP-KA-NAS"),
    Account("canbo.quantru", "quantru", RoleKind.OFFICER, "HP-KA-QT"),
    Account("canbo.lamha", "lamha", RoleKind.OFFICER, "HP-KA-LH"),
    Account("canbo.donghoa", "donghoa", RoleKind.OFFICER, "HP-KA-DH"),
    Account("canbo.phulien", "phulien", RoleKind.OFFICER, "HP-KA-PL"),
    Account("canbo.trangminh", "trangminh", RoleKind.OFFICER, "HP-KA-TM"),
    Account("canbo.phuongkienan", "phuongkienan", RoleKind.OFFICER, "HP-PKA"),
    Account("canbo.doson", "doson", RoleKind.OFFICER, "HP-DS"),
    Account("canbo.sokhcn", "sokhcn", RoleKind.OFFICER, "HP-SKHCN"),
    Account("canbo.sogddt", "sogddt", RoleKind.OFFICER, "HP-SGDDT"),
    Account("canbo.thainguyen", "thainguyen", RoleKind.OFFICER, "TN-TP"),
    Account("canbo.donglien", "donglien", RoleKind.OFFICER, "TN-TP-DL"),
    Account("canbo.phuthuong", "phuthuong", RoleKind.OFFICER, "HN-TH-PT"),
    Account("hoidong.kienan", "hoidong", RoleKind.COUNCIL, "HP-KA"),
    Account("lanhdao.haiphong", "lanhdao", RoleKind.LEADER, "HP"),
)


def _full_name(demo: Demo, account: Account) -> str:
    """The name of someone plausible in the unit: the officer who keeps the emulation files."""
    if account.unit is None:
        return "Quản trị hệ thống"
    for s in demo.staff:
        if s.stints[0][0] == account.unit and not s.leader:
            return s.person.full_name
    return demo.names.make().full_name


# The demo's passwords are public; hashing them at full strength would cost a tenth of a second
# or more each. A cheap PBKDF2 hash is upgraded to the preferred hasher (Argon2) at full
# strength at the first login: Django rehashes a password not made by its first hasher.
DEMO_HASH_ITERATIONS = 1000


def _hash(password: str) -> str:
    try:
        hasher = get_hasher("pbkdf2_sha256")
    except ValueError:  # a settings module without PBKDF2 (the tests' MD5)
        hasher = get_hasher()
        return hasher.encode(password, hasher.salt())
    return hasher.encode(password, hasher.salt(), iterations=DEMO_HASH_ITERATIONS)  # type: ignore[call-arg]


def build_accounts(demo: Demo) -> list[Account]:
    for account in ACCOUNTS:
        hashed = _hash(account.password)
        is_admin = account.kind == RoleKind.ADMIN
        user = User(
            username=account.username,
            full_name=_full_name(demo, account),
            is_staff=is_admin,
            is_superuser=is_admin,
            password=hashed,
        )
        user.full_clean()
        user.save()
        Role.objects.create(
            user=user,
            kind=account.kind,
            unit=demo.unit(account.unit) if account.unit else None,
        )
    return list(ACCOUNTS)


def describe(account: Account) -> str:
    """One line for the terminal: "canbo.ngocson / ngocson – Cán bộ … – Phường Ngọc Sơn"."""
    role = RoleKind(account.kind).label
    where = f" – {Unit.objects.get(code=account.unit).name}" if account.unit else ""
    return f"{account.username} / {account.password} – {role}{where}"
