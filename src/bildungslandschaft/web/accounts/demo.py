"""Demo accounts, one per role, with their (public!) demo passwords in the summary line."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from bildungslandschaft.web.accounts import roles
from bildungslandschaft.web.accounts.models import SchoolAccount

#: username → (role group or None for the superuser, demo password, full name)
DEMO_USERS = {
    "admin": (None, "demo-admin-2026", "Ada Admin"),
    "anna": (roles.ANALYST, "demo-analyse-2026", "Anna Analyse"),
    "paula": (roles.PUBLISHER, "demo-publik-2026", "Paula Publik"),
    "schule": (roles.SCHOOL, "demo-schule-2026", "Ben Schule"),
}
FALLBACK_SCHOOL = "21083"


def demo_school() -> str:
    """A school of the demo store with pupils and leavers (the first by Schulnummer)."""
    from bildungslandschaft.web import analytics

    try:
        with analytics._lock:
            space = analytics.workspace()
            pupils = set(space.table("pupils_school").school.to_pyarrow().to_pylist())
            leavers = set(space.table("leavers_school").school.to_pyarrow().to_pylist())
    except Exception:  # no demo store yet: the account works, without figures
        return FALLBACK_SCHOOL
    both = sorted(str(code) for code in pupils & leavers if code)
    return both[0] if both else FALLBACK_SCHOOL


def load() -> str:
    roles.ensure_groups()
    user_model = get_user_model()
    for username, (role, password, name) in DEMO_USERS.items():
        first, last = name.split(" ", 1)
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last}
        )
        if created:
            user.set_password(password)
            user.is_superuser = role is None
            user.is_staff = role in {None, roles.ANALYST, roles.PUBLISHER}  # staff of the education office
            user.save()
        if role is not None:
            user.groups.add(Group.objects.get(name=role))
    school_user = user_model.objects.get(username="schule")
    code = demo_school()
    SchoolAccount.objects.update_or_create(
        user=school_user, defaults={"school": code, "school_name": f"Demoschule {code}"}
    )
    logins = ", ".join(f"{name}/{password}" for name, (_, password, _) in DEMO_USERS.items())
    return f"Demokonten (Name/Passwort): {logins}; Schulkonto „schule“ sieht Schule {code}"
