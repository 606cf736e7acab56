"""The SOP *Penerbitan Kartu Fasilitas Keimigrasian* (IMI-GR.01.05-2537, 2013) as one table.

Everything about the workflow is data here: the steps with their performer, *mutu baku* time,
inputs and output; the states a case passes through; and the transitions between them, with the
role allowed to take each. The case state machine (``case_machine``), the services, the GUI
(which only maps states to pages) and the SLA reports all read this module; nothing else encodes
the order of the SOP.

Step numbers follow the SOP's flow chart (1–11). The Langkah Awal's "pemindaian berkas
permohonan" (Identifikasi Langkah, Langkah Awal 3) has no row of its own in the chart; it is
carried as step "4a" between the cekal check and the official's approval, which is where the
SOP places it ("memindai seluruh berkas permohonan serta berkas diteruskan kepada Pejabat").
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from faskim_desktop.core import messages
from faskim_desktop.core.roles import Role

SOP_NUMBER = "IMI-GR.01.05-2537"


class Phase(enum.StrEnum):
    AWAL = "awal"  # Langkah Awal: steps 1–4 and the file scan
    UTAMA = "utama"  # Langkah Utama: steps 5–7
    AKHIR = "akhir"  # Langkah Akhir: steps 8–11


class State(enum.StrEnum):
    """Where a case stands. Each non-terminal state waits for one step's work."""

    TERIMA = "terima"  # 1: receiving the file, tanda terima
    PERIKSA = "periksa"  # 2: completeness and validity check
    ENTRI = "entri"  # 3: data entry (also where a file returned for correction waits)
    CEKAL = "cekal"  # 4: automatic watch-list screening
    DITAHAN = "ditahan"  # 4: possible hit held for Wasdakim
    PINDAI_BERKAS = "pindai_berkas"  # 4a: scanning the file, forwarding to the official
    PERSETUJUAN = "persetujuan"  # 5: official's approval (paraf)
    PEMBAYARAN = "pembayaran"  # 6: PNBP payment, kuitansi
    BIOMETRIK = "biometrik"  # 7: photo and fingerprints
    REGISTER = "register"  # 8: register number
    CETAK = "cetak"  # 9: printing the card, stamp and register number applied
    PENGESAHAN = "pengesahan"  # 9: signature by the head of office
    PENYERAHAN = "penyerahan"  # 10: handover against the receipt
    ARSIP = "arsip"  # 11: scanning the finished card, archiving
    # terminal states
    DIKEMBALIKAN = "dikembalikan"  # file incomplete, returned to the applicant
    DITOLAK_CEKAL = "ditolak_cekal"  # confirmed cekal hit, handed to the cekal SOP
    SELESAI = "selesai"  # archived and closed


TERMINAL_STATES = frozenset({State.DIKEMBALIKAN, State.DITOLAK_CEKAL, State.SELESAI})


class Action(enum.StrEnum):
    RECEIVE = "receive"
    CHECK_COMPLETE = "check_complete"
    CHECK_INCOMPLETE = "check_incomplete"
    SAVE_DATA = "save_data"
    SCREEN_CLEAR = "screen_clear"
    SCREEN_HIT = "screen_hit"
    CLEAR_HIT = "clear_hit"
    CONFIRM_HIT = "confirm_hit"
    FORWARD = "forward"
    APPROVE = "approve"
    RETURN_FOR_CORRECTION = "return_for_correction"
    PAY = "pay"
    VOID_PAYMENT = "void_payment"
    CAPTURE_BIOMETRICS = "capture_biometrics"
    ASSIGN_REGISTER = "assign_register"
    PRINT_CARD = "print_card"
    REPRINT = "reprint"
    SIGN = "sign"
    HAND_OVER = "hand_over"
    ARCHIVE = "archive"


@dataclass(frozen=True)
class Step:
    number: str  # "1".."11", and "4a" for the file scan
    code: str
    phase: Phase
    performers: tuple[Role, ...]
    mutu_baku_minutes: int | None  # None: the SOP sets no time (the file scan sub-step)
    inputs: str  # the SOP's "kelengkapan" column, as a message code
    output: str  # the SOP's "output" column, as a message code
    states: tuple[State, ...]


@dataclass(frozen=True)
class Transition:
    action: Action
    source: State
    target: State
    roles: tuple[Role, ...]
    # An exception path (void, reprint): allowed, but the case does not wait for it, so it
    # puts the case in nobody's work queue.
    exceptional: bool = False


STEPS: tuple[Step, ...] = (
    Step("1", "terima", Phase.AWAL, (Role.LOKET,), 10, "in.berkas_dokim", "out.tanda_terima", (State.TERIMA,)),
    Step("2", "periksa", Phase.AWAL, (Role.LOKET,), 5, "in.berkas", "out.keputusan_lengkap", (State.PERIKSA,)),
    Step("3", "entri", Phase.AWAL, (Role.LOKET,), 5, "in.berkas_dokim", "out.data_pemohon", (State.ENTRI,)),
    Step(
        "4", "cekal", Phase.AWAL, (Role.SYSTEM, Role.LOKET, Role.WASDAKIM), 5,
        "in.berkas_dokim", "out.verifikasi_cekal", (State.CEKAL, State.DITAHAN),
    ),
    Step(
        "4a", "pindai_berkas", Phase.AWAL, (Role.LOKET,), None,
        "in.berkas", "out.hasil_pindai_berkas", (State.PINDAI_BERKAS,),
    ),
    Step("5", "persetujuan", Phase.UTAMA, (Role.SUPERVISOR,), 5, "in.berkas_dokim", "out.paraf", (State.PERSETUJUAN,)),
    Step("6", "pembayaran", Phase.UTAMA, (Role.BENDAHARA,), 5, "in.slip_bayar", "out.bukti_bayar", (State.PEMBAYARAN,)),
    Step("7", "biometrik", Phase.UTAMA, (Role.LOKET,), 10, "in.slip_bayar", "out.biometrik", (State.BIOMETRIK,)),
    Step("8", "register", Phase.AKHIR, (Role.LOKET, Role.SYSTEM), 3, "in.berkas_dokim", "out.nomor_register", (State.REGISTER,)),
    Step(
        "9", "pengesahan", Phase.AKHIR, (Role.LOKET, Role.KAKANIM), 5,
        "in.kartu_dokim", "out.tanda_tangan", (State.CETAK, State.PENGESAHAN),
    ),
    Step("10", "penyerahan", Phase.AKHIR, (Role.LOKET,), 5, "in.slip_bayar", "out.kartu", (State.PENYERAHAN,)),
    Step("11", "arsip", Phase.AKHIR, (Role.INFOKIM,), 10, "in.berkas_selesai", "out.hasil_pindai", (State.ARSIP,)),
)

TRANSITIONS: tuple[Transition, ...] = (
    Transition(Action.RECEIVE, State.TERIMA, State.PERIKSA, (Role.LOKET,)),
    Transition(Action.CHECK_COMPLETE, State.PERIKSA, State.ENTRI, (Role.LOKET,)),
    Transition(Action.CHECK_INCOMPLETE, State.PERIKSA, State.DIKEMBALIKAN, (Role.LOKET,)),
    Transition(Action.SAVE_DATA, State.ENTRI, State.CEKAL, (Role.LOKET,)),
    Transition(Action.SCREEN_CLEAR, State.CEKAL, State.PINDAI_BERKAS, (Role.SYSTEM,)),
    Transition(Action.SCREEN_HIT, State.CEKAL, State.DITAHAN, (Role.SYSTEM,)),
    Transition(Action.CLEAR_HIT, State.DITAHAN, State.PINDAI_BERKAS, (Role.WASDAKIM,)),
    Transition(Action.CONFIRM_HIT, State.DITAHAN, State.DITOLAK_CEKAL, (Role.WASDAKIM,)),
    Transition(Action.FORWARD, State.PINDAI_BERKAS, State.PERSETUJUAN, (Role.LOKET,)),
    Transition(Action.APPROVE, State.PERSETUJUAN, State.PEMBAYARAN, (Role.SUPERVISOR,)),
    Transition(Action.RETURN_FOR_CORRECTION, State.PERSETUJUAN, State.ENTRI, (Role.SUPERVISOR,)),
    Transition(Action.PAY, State.PEMBAYARAN, State.BIOMETRIK, (Role.BENDAHARA,)),
    # A voided payment (supervisor, with a reason) sends the case back to the cashier.
    Transition(Action.VOID_PAYMENT, State.BIOMETRIK, State.PEMBAYARAN, (Role.SUPERVISOR,), exceptional=True),
    Transition(Action.CAPTURE_BIOMETRICS, State.BIOMETRIK, State.REGISTER, (Role.LOKET,)),
    Transition(Action.ASSIGN_REGISTER, State.REGISTER, State.CETAK, (Role.LOKET, Role.SYSTEM)),
    Transition(Action.PRINT_CARD, State.CETAK, State.PENGESAHAN, (Role.LOKET,)),
    # A spoiled card found before signature is reprinted only with the supervisor's consent.
    Transition(Action.REPRINT, State.PENGESAHAN, State.CETAK, (Role.SUPERVISOR,), exceptional=True),
    Transition(Action.SIGN, State.PENGESAHAN, State.PENYERAHAN, (Role.KAKANIM,)),
    Transition(Action.HAND_OVER, State.PENYERAHAN, State.ARSIP, (Role.LOKET,)),
    Transition(Action.ARCHIVE, State.ARSIP, State.SELESAI, (Role.INFOKIM,)),
)

INITIAL_STATE = State.TERIMA

_STEP_OF_STATE: dict[State, Step] = {state: step for step in STEPS for state in step.states}
_TRANSITION: dict[tuple[State, Action], Transition] = {(t.source, t.action): t for t in TRANSITIONS}
_STEP_BY_NUMBER: dict[str, Step] = {step.number: step for step in STEPS}


def step_of(state: State) -> Step | None:
    """The step whose work a case in ``state`` waits for; None for a terminal state."""
    return _STEP_OF_STATE.get(state)


def step(number: str) -> Step:
    return _STEP_BY_NUMBER[number]


def transition(state: State, action: Action) -> Transition | None:
    return _TRANSITION.get((state, action))


def actions_from(state: State) -> tuple[Transition, ...]:
    return tuple(t for t in TRANSITIONS if t.source is state)


def phase_of(state: State) -> Phase | None:
    found = step_of(state)
    return found.phase if found else None


def waiting_role(state: State) -> tuple[Role, ...]:
    """Who must act next on a case in ``state`` (for the "waiting for me" queues)."""
    return tuple(dict.fromkeys(role for t in actions_from(state) if not t.exceptional for role in t.roles))


def actors(state: State) -> tuple[Role, ...]:
    """The people who work on a case in ``state``: the waiting roles, with an automatic step's
    SYSTEM replaced by the step's human performers (the counter officer re-runs a cekal check
    that a crash interrupted)."""
    roles = waiting_role(state)
    if Role.SYSTEM not in roles:
        return roles
    found = step_of(state)
    people = [r for r in roles if r is not Role.SYSTEM]
    people += [r for r in (found.performers if found else ()) if r is not Role.SYSTEM and r not in people]
    return tuple(people)


def steps_in(phase: Phase) -> tuple[Step, ...]:
    return tuple(s for s in STEPS if s.phase is phase)


messages.register(
    {
        "phase.awal": {"id": "Langkah Awal", "en": "Initial steps"},
        "phase.utama": {"id": "Langkah Utama", "en": "Main steps"},
        "phase.akhir": {"id": "Langkah Akhir", "en": "Final steps"},
        "step.terima": {"id": "Terima berkas & tanda terima", "en": "Receive file & receipt"},
        "step.periksa": {"id": "Periksa kelengkapan & keabsahan", "en": "Check completeness & validity"},
        "step.entri": {"id": "Entri data pemohon", "en": "Enter applicant data"},
        "step.cekal": {"id": "Pemeriksaan daftar cekal", "en": "Watch-list (cekal) check"},
        "step.pindai_berkas": {"id": "Pemindaian berkas permohonan", "en": "Scan the application file"},
        "step.persetujuan": {"id": "Persetujuan pejabat (paraf)", "en": "Official's approval (paraf)"},
        "step.pembayaran": {"id": "Pembayaran PNBP & kuitansi", "en": "PNBP payment & receipt"},
        "step.biometrik": {"id": "Foto & sidik jari", "en": "Photo & fingerprints"},
        "step.register": {"id": "Nomor register", "en": "Register number"},
        "step.pengesahan": {"id": "Cetak kartu & pengesahan", "en": "Card printing & signature"},
        "step.penyerahan": {"id": "Penyerahan dokumen", "en": "Handover"},
        "step.arsip": {"id": "Pemindaian & arsip", "en": "Scan & archive"},
        "state.terima": {"id": "Penerimaan berkas", "en": "Receiving file"},
        "state.periksa": {"id": "Pemeriksaan kelengkapan", "en": "Completeness check"},
        "state.entri": {"id": "Entri data", "en": "Data entry"},
        "state.cekal": {"id": "Pemeriksaan cekal", "en": "Cekal screening"},
        "state.ditahan": {"id": "Ditahan: kemungkinan cekal (Wasdakim)", "en": "Held: possible cekal hit (Wasdakim)"},
        "state.pindai_berkas": {"id": "Pemindaian berkas", "en": "File scanning"},
        "state.persetujuan": {"id": "Menunggu persetujuan pejabat", "en": "Awaiting official's approval"},
        "state.pembayaran": {"id": "Menunggu pembayaran", "en": "Awaiting payment"},
        "state.biometrik": {"id": "Pengambilan biometrik", "en": "Biometric capture"},
        "state.register": {"id": "Pemberian nomor register", "en": "Register number"},
        "state.cetak": {"id": "Pencetakan kartu", "en": "Card printing"},
        "state.pengesahan": {"id": "Menunggu tanda tangan Kakanim", "en": "Awaiting head of office's signature"},
        "state.penyerahan": {"id": "Siap diserahkan", "en": "Ready for handover"},
        "state.arsip": {"id": "Pemindaian & arsip", "en": "Scan & archive"},
        "state.dikembalikan": {"id": "Berkas dikembalikan", "en": "File returned"},
        "state.ditolak_cekal": {"id": "Dihentikan: terkonfirmasi cekal", "en": "Stopped: confirmed cekal"},
        "state.selesai": {"id": "Selesai & diarsip", "en": "Closed & archived"},
        "in.berkas_dokim": {"id": "Berkas permohonan dan dokim", "en": "Application file and travel document"},
        "in.berkas": {"id": "Berkas permohonan", "en": "Application file"},
        "in.slip_bayar": {"id": "Slip tanda bukti pembayaran", "en": "Payment slip"},
        "in.kartu_dokim": {"id": "Kartu Faskim dan dokim", "en": "Faskim card and travel document"},
        "in.berkas_selesai": {"id": "Berkas selesai", "en": "Finished file"},
        "out.tanda_terima": {"id": "Tanda terima permohonan", "en": "Application receipt"},
        "out.keputusan_lengkap": {"id": "Keputusan kelengkapan berkas", "en": "Completeness decision"},
        "out.data_pemohon": {"id": "Data pemohon di komputer", "en": "Applicant record"},
        "out.verifikasi_cekal": {"id": "Verifikasi data cekal pemohon", "en": "Cekal screening result"},
        "out.hasil_pindai_berkas": {"id": "Hasil pindai berkas permohonan", "en": "Scanned application file"},
        "out.paraf": {"id": "Paraf persetujuan", "en": "Approval initials"},
        "out.bukti_bayar": {"id": "Bukti pembayaran (kuitansi)", "en": "Payment receipt (kuitansi)"},
        "out.biometrik": {"id": "Foto biometrik dan sidik jari pemohon", "en": "Biometric photo and fingerprints"},
        "out.nomor_register": {"id": "Nomor register pemohon dalam sistem", "en": "Register number in the system"},
        "out.tanda_tangan": {"id": "Tanda tangan pada dokim dan paspor", "en": "Signature on the card"},
        "out.kartu": {"id": "Kartu Faskim", "en": "Faskim card"},
        "out.hasil_pindai": {"id": "Data hasil pindai dokumen", "en": "Scanned document data"},
        "action.receive": {"id": "Terima berkas", "en": "Receive file"},
        "action.check_complete": {"id": "Berkas lengkap", "en": "File complete"},
        "action.check_incomplete": {"id": "Berkas tidak lengkap (kembalikan)", "en": "File incomplete (return)"},
        "action.save_data": {"id": "Simpan data", "en": "Save data"},
        "action.screen_clear": {"id": "Tidak ada kecocokan cekal", "en": "No cekal match"},
        "action.screen_hit": {"id": "Kemungkinan cekal", "en": "Possible cekal hit"},
        "action.clear_hit": {"id": "Bukan orang yang sama", "en": "Not the same person"},
        "action.confirm_hit": {"id": "Terkonfirmasi cekal", "en": "Confirmed cekal"},
        "action.forward": {"id": "Teruskan ke pejabat", "en": "Forward to the official"},
        "action.approve": {"id": "Setujui (paraf)", "en": "Approve (paraf)"},
        "action.return_for_correction": {"id": "Kembalikan untuk perbaikan", "en": "Return for correction"},
        "action.pay": {"id": "Terima pembayaran", "en": "Take payment"},
        "action.void_payment": {"id": "Batalkan pembayaran", "en": "Void payment"},
        "action.reprint": {"id": "Cetak ulang kartu", "en": "Reprint card"},
        "action.capture_biometrics": {"id": "Simpan biometrik", "en": "Save biometrics"},
        "action.assign_register": {"id": "Beri nomor register", "en": "Assign register number"},
        "action.print_card": {"id": "Cetak kartu", "en": "Print card"},
        "action.sign": {"id": "Tanda tangani", "en": "Sign"},
        "action.hand_over": {"id": "Serahkan", "en": "Hand over"},
        "action.archive": {"id": "Arsipkan", "en": "Archive"},
    }
)
