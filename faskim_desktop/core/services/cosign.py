"""A second person's consent, authenticated at the service layer.

Voids, reprints and fingerprint exceptions need the supervisor: the service is given the
supervisor's username and password and checks them itself, so no caller can forge consent by
constructing a principal.
"""

from __future__ import annotations

from faskim_desktop.core import messages
from faskim_desktop.core.accounts import Accounts, Principal
from faskim_desktop.core.errors import PermissionDenied
from faskim_desktop.core.roles import Role
from faskim_desktop.core.workspace import Workspace


def authenticate_cosigner(ws: Workspace, actor: Principal, username: str, password: str, role: Role) -> Principal:
    accounts = Accounts(
        ws.store, ws.settings.get("lockout_attempts"), ws.settings.get("lockout_minutes")
    )
    cosigner = accounts.authenticate(username, password)
    if role not in cosigner.roles:
        raise PermissionDenied("cosign.role", role=role.value)
    if cosigner.username == actor.username:
        raise PermissionDenied("cosign.same_person")
    return cosigner


messages.register(
    {
        "cosign.role": {
            "id": "Persetujuan ini harus diberikan oleh pengguna berperan {role}.",
            "en": "This consent must come from a user with the role {role}.",
        },
        "cosign.same_person": {
            "id": "Persetujuan harus diberikan oleh orang lain, bukan Anda sendiri.",
            "en": "The consent must come from someone else, not yourself.",
        },
    }
)
