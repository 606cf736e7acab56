"""The roles of the office and the words for them."""

from __future__ import annotations

import enum

from faskim_desktop.core import messages


class Role(enum.StrEnum):
    LOKET = "loket"  # petugas loket / Statuskim: receives, checks, enters, captures, hands over
    SUPERVISOR = "supervisor"  # Kepala Seksi/Bidang Statuskim: approves (paraf)
    BENDAHARA = "bendahara"  # treasurer: PNBP payment and kuitansi
    WASDAKIM = "wasdakim"  # follows up cekal hits
    KAKANIM = "kakanim"  # head of office or designated official: signs the card
    INFOKIM = "infokim"  # scans and archives the finished file
    TEKNISI = "teknisi"  # configures and tests devices
    ADMIN = "admin"  # users, roles, fee table, office settings
    SYSTEM = "system"  # automatic steps (cekal screening, register number); never a login role


LOGIN_ROLES = tuple(r for r in Role if r is not Role.SYSTEM)

messages.register(
    {
        "role.loket": {"id": "Petugas Loket", "en": "Counter officer"},
        "role.supervisor": {"id": "Supervisor (Kasi/Kabid Statuskim)", "en": "Supervisor"},
        "role.bendahara": {"id": "Bendahara Penerima", "en": "Treasurer"},
        "role.wasdakim": {"id": "Wasdakim", "en": "Enforcement (Wasdakim)"},
        "role.kakanim": {"id": "Kepala Kantor / Pejabat yang Ditunjuk", "en": "Head of office / designated official"},
        "role.infokim": {"id": "Infokim", "en": "Records (Infokim)"},
        "role.teknisi": {"id": "Teknisi", "en": "Technician"},
        "role.admin": {"id": "Administrator", "en": "Administrator"},
        "role.system": {"id": "Sistem", "en": "System"},
    }
)
