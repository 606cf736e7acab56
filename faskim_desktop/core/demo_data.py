"""Synthetic office data for the demo, training and the benchmarks.

Cases are spread over past months with realistic step timings around each step's *mutu baku*,
a few returned, held and stopped files, and the open cases of today sitting at every step. The
rows are written with bulk inserts (a million cases must fit in minutes), bypassing the services:
they are history, not work done by anyone, and one audit event records the seeding.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from faskim_desktop.core import audit, clock, sop
from faskim_desktop.core.accounts import Accounts
from faskim_desktop.core.sequences import lock_counter
from faskim_desktop.core.transliteration import to_mrz_name
from faskim_desktop.store.db import Store
from faskim_desktop.store.tables import Case, CaseStep, Foreigner, Payment

DEMO_PASSWORD = "demo12345"
DEMO_USERS = (
    ("loket", "Siti Rahmawati", "loket"),
    ("loket2", "Agus Prasetyo", "loket"),
    ("supervisor", "Hendra Wijaya, S.H.", "supervisor"),
    ("bendahara", "Rina Marlina", "bendahara"),
    ("wasdakim", "Bambang Sutrisno", "wasdakim"),
    ("kakanim", "Dr. Ratna Sari Dewi", "kakanim"),
    ("infokim", "Yusuf Hidayat", "infokim"),
    ("teknisi", "Dedi Kurniawan", "teknisi"),
    ("admin", "Admin Kantor", "admin,teknisi"),
)

GIVEN = ["Emma", "Olivia", "Liam", "Noah", "Sophie", "Lucas", "Mia", "Aiden", "Hana", "Kenji", "Yuki",
         "Aisha", "Omar", "Lena", "Max", "Chloe", "Daniel", "Sarah", "Putri", "Rizky", "Nadia", "Arjun",
         "Mei", "Wei", "Anna", "Jonas", "Elif", "Mateo", "Isabela", "Zoë", "Louis", "Clara", "Ahmad"]
MIDDLE = ["Putri", "Putra", "Ayu", "Dewi", "Adi", "Sari", "Nur", "Indah", "Kusuma", "", "", "", ""]
FAMILY = ["Smith", "Wijaya", "Müller", "Tanaka", "Nguyen", "Martin", "Kim", "O'Brien", "Santoso", "Schmidt",
          "Dubois", "Rossi", "Hakim", "Lee", "Brown", "Jansen", "Kowalski", "Silva", "Haddad", "Suzuki"]
NATIONS = ["AUS", "NLD", "USA", "GBR", "DEU", "JPN", "FRA", "MYS", "SGP", "KOR", "CAN", "NZL", "CHE", "ITA"]
PARENTS = ["Dewi Lestari", "Sri Wahyuni", "Budi Santoso", "Ani Yulianti", "Rudi Hartono", "Maya Sari",
           "Fitri Handayani", "Agus Salim", "Nurul Hidayah", "Eko Prasetyo"]
PORTS = ["Soekarno-Hatta", "Ngurah Rai", "Juanda", "Kualanamu", "Batam Center"]

# The SOP states a closed case went through, in order (file scan included).
_FLOW = [sop.State.TERIMA, sop.State.PERIKSA, sop.State.ENTRI, sop.State.CEKAL, sop.State.PINDAI_BERKAS,
         sop.State.PERSETUJUAN, sop.State.PEMBAYARAN, sop.State.BIOMETRIK, sop.State.REGISTER, sop.State.CETAK,
         sop.State.PENGESAHAN, sop.State.PENYERAHAN, sop.State.ARSIP]
_WORKER = {sop.State.PERSETUJUAN: "supervisor", sop.State.PEMBAYARAN: "bendahara", sop.State.PENGESAHAN: "kakanim",
           sop.State.ARSIP: "infokim", sop.State.CEKAL: "loket"}


@dataclass(frozen=True)
class SeedResult:
    cases: int
    closed: int
    open: int


def seed_users(store: Store) -> int:
    accounts = Accounts(store)
    existing = {u.username for u in accounts.list_users()}
    made = 0
    for username, name, roles in DEMO_USERS:
        if username not in existing:
            accounts.add_user("demo", username, name, DEMO_PASSWORD, roles)
            made += 1
    return made


def _work_seconds(rng: random.Random, state: sop.State) -> float:
    step = sop.step_of(state)
    minutes = (step.mutu_baku_minutes if step and step.mutu_baku_minutes else 4)
    # Most steps finish within the standard; a tail overruns (lognormal around 70% of it).
    return max(20.0, rng.lognormvariate(0, 0.45) * minutes * 60 * 0.7)


@dataclass(frozen=True)
class _FlowStep:
    """What the generator needs of one state of ``_FLOW``, looked up once (not per row)."""

    state: str
    number: str
    action: str
    worker: str | None
    scale: float  # seconds: 70% of the mutu baku (4 min when the SOP sets none)


def _flow_steps() -> list[_FlowStep]:
    out = []
    for state in _FLOW:
        step = sop.step_of(state)
        assert step is not None
        action = next((t.action.value for t in sop.actions_from(state) if not t.exceptional), "")
        minutes = step.mutu_baku_minutes or 4
        out.append(_FlowStep(state.value, step.number, action, _WORKER.get(state), minutes * 60 * 0.7))
    return out


def _rollup(steps: list[dict], cases: list[dict]) -> dict:
    """The SLA roll-up counts of rows written in bulk (the ORM listener does not see them)."""
    from collections import Counter

    from faskim_desktop.core import sla

    counts: Counter = Counter()
    for row in steps:
        if row["finished_at"] is not None:
            counts.update(sla.visit_keys(row["state"], row["action"], row["entered_at"], row["started_at"],
                                         row["finished_at"]))
    for case in cases:
        counts[sla.created_key(case["created_at"])] += 1
    return counts


def _bulk_insert(conn: Connection, table: type, rows: list[dict]) -> None:
    """Core executemany (one prepared statement for the batch), not the ORM's per-object path."""
    if rows:
        conn.execute(insert(table.__table__), rows)  # type: ignore[attr-defined]


@contextlib.contextmanager
def _bulk_connection(store: Store) -> Iterator[Connection]:
    """A writer connection for bulk loading; on SQLite with ``synchronous=OFF`` until it is handed back."""
    with store.writer.connect() as conn:
        raw = conn.connection.dbapi_connection if store.is_sqlite else None
        if raw is not None:
            raw.execute("PRAGMA synchronous = OFF")
        try:
            yield conn
        finally:
            if raw is not None:
                raw.execute("PRAGMA synchronous = FULL")


def seed_cases(store: Store, count: int, days: int = 120, seed: int = 7, batch: int = 20_000) -> SeedResult:
    """Write ``count`` synthetic cases with their steps, payments and search keys.

    Like the case machine, a step is *entered* when the previous one finishes; the waiting time
    lies between entering and starting it. Written in batches of ``batch`` cases per
    transaction; on SQLite the seed's own connection runs with ``synchronous=OFF`` (it is
    synthetic data: a crash loses only the batch being written) and is set back afterwards.
    """
    from faskim_desktop.core import search, sla

    rng = random.Random(seed)
    rand, uniform, randint, choice, lognorm = rng.random, rng.uniform, rng.randint, rng.choice, rng.lognormvariate
    now = clock.now()
    office_code = "JKS"
    flow_steps = _flow_steps()
    terminal = {s.value for s in sop.TERMINAL_STATES}
    with store.write() as session:
        start_seq = lock_counter(session, f"application:{now.astimezone().year}").value
        register_start = lock_counter(session, f"register:{now.astimezone().year}").value
        receipt_start = lock_counter(session, f"receipt:{now.astimezone().year}").value
        first_foreigner = (session.execute(select(func.max(Foreigner.id))).scalar() or 0) + 1
        first_case = (session.execute(select(func.max(Case.id))).scalar() or 0) + 1
    closed = opened = 0
    made = 0
    seq = {"app": start_seq, "reg": register_start, "rcp": receipt_start}
    pay_state, reg_state = sop.State.PEMBAYARAN.value, sop.State.REGISTER.value
    this_year = now.year
    with _bulk_connection(store) as conn:
        while made < count:
            size = min(batch, count - made)
            people, cases, steps, payments = [], [], [], []
            for i in range(size):
                n = made + i
                fid, cid = first_foreigner + n, first_case + n
                given, family = choice(GIVEN), choice(FAMILY)
                middle = choice(MIDDLE)
                name = f"{given} {middle} {family}" if middle else f"{given} {family}"
                born = date(this_year - randint(1, 17), randint(1, 12), randint(1, 28))
                nationality = choice(NATIONS)
                people.append({
                    "id": fid, "niora": f"{randint(10**9, 10**10 - 1)}", "passport_no": f"{nationality[0]}{n + 1000000:08d}",
                    "nationality": nationality, "name": name, "name_key": to_mrz_name(name), "sex": choice("MF"),
                    "birth_place": choice(["Sydney", "Amsterdam", "Tokyo", "Berlin", "Jakarta", "Paris"]),
                    "birth_date": born, "passport_issued": None,
                    "passport_expiry": date(this_year + randint(1, 8), randint(1, 12), 1),
                    "passport_source": choice(["typed", "mrz", "chip"]), "version": 1,
                })
                # Older cases are closed; the last days hold open ones at every step.
                age_days = rand() ** 1.3 * days
                created = now - timedelta(days=age_days, hours=uniform(0, 7))
                created = created.replace(hour=randint(1, 8), minute=randint(0, 59))  # office hours WIB (UTC+7)
                if created > now - timedelta(hours=2):  # today's open files started this morning
                    created = now - timedelta(minutes=uniform(15, 120))
                fate = rand()
                if age_days < 2:
                    stop_at = rng.randrange(len(_FLOW))
                    final = _FLOW[stop_at].value
                    flow = flow_steps[: stop_at + 1]
                elif fate < 0.05:
                    flow, final = flow_steps[:2], sop.State.DIKEMBALIKAN.value
                elif fate < 0.06:
                    flow, final = flow_steps[:4], sop.State.DITOLAK_CEKAL.value
                else:
                    flow, final = flow_steps, sop.State.SELESAI.value
                seq["app"] += 1
                number = f"{office_code}-PMH-{created.astimezone().year}-{seq['app']:06d}"
                moment = created
                register_no = receipt_no = ""
                last = len(flow) - 1
                for index, fs in enumerate(flow):
                    entered = moment
                    # waiting in the queue of this step (the first is the file being taken in)
                    started = entered + timedelta(seconds=uniform(30, 900) if index else uniform(5, 120))
                    if index == last and final not in terminal:
                        steps.append({"case_id": cid, "step": fs.number, "state": fs.state, "entered_at": entered,
                                      "started_at": None, "started_by": "", "finished_at": None, "finished_by": "",
                                      "action": "", "note": ""})
                        break
                    finished = started + timedelta(seconds=max(20.0, lognorm(0, 0.45) * fs.scale))
                    actor = fs.worker or ("loket" if rand() < 0.5 else "loket2")
                    action = fs.action
                    if index == last and final == sop.State.DIKEMBALIKAN.value:
                        action = sop.Action.CHECK_INCOMPLETE.value
                    steps.append({"case_id": cid, "step": fs.number, "state": fs.state, "entered_at": entered,
                                  "started_at": started, "started_by": actor, "finished_at": finished,
                                  "finished_by": actor, "action": action, "note": ""})
                    moment = finished
                    if fs.state == pay_state:
                        seq["rcp"] += 1
                        receipt_no = f"{office_code}-KW-{finished.astimezone().year}-{seq['rcp']:06d}"
                        payments.append({"case_id": cid, "receipt_no": receipt_no, "amount": 400_000,
                                         "method": choice(["tunai", "tunai", "transfer", "edc", "qris"]),
                                         "reference": "", "paid_at": finished, "cashier": "bendahara",
                                         "voided_at": None, "voided_by": "", "void_reason": ""})
                    elif fs.state == reg_state:
                        seq["reg"] += 1
                        register_no = f"{office_code}/FSK/{finished.astimezone().year}/{seq['reg']:05d}"
                if final == sop.State.DITOLAK_CEKAL.value:
                    # screened as a possible hit, held, then confirmed by Wasdakim
                    steps[-1]["action"] = sop.Action.SCREEN_HIT.value
                    held_at = steps[-1]["finished_at"]
                    confirmed = held_at + timedelta(seconds=uniform(600, 3600))
                    steps.append({"case_id": cid, "step": "4", "state": sop.State.DITAHAN.value, "entered_at": held_at,
                                  "started_at": held_at + timedelta(seconds=uniform(60, 600)), "started_by": "wasdakim",
                                  "finished_at": confirmed, "finished_by": "wasdakim",
                                  "action": sop.Action.CONFIRM_HIT.value, "note": ""})
                    moment = confirmed
                is_closed = final in terminal
                closed += is_closed
                opened += not is_closed
                cases.append({
                    "id": cid, "number": number, "state": final, "version": len(flow) + 1,
                    "created_at": created, "created_by": "loket", "updated_at": moment, "queue_ticket": "",
                    "applicant_kind": "pemohon" if rand() < 0.8 else "kuasa", "representative_name": "",
                    "representative_id_no": "", "power_of_attorney_ref": "", "kategori": "Fasilitas Keimigrasian",
                    "produk": "Kartu Fasilitas Keimigrasian", "jenis_dokim": "Affidavit", "izin_tinggal_ke": 1,
                    "tujuan": "Tinggal bersama orang tua", "waktu": "Tetap", "entry_draft": "",
                    "foreigner_id": fid if len(flow) > 2 else None,
                    "sponsor_nik": f"3174{randint(10**11, 10**12 - 1)}", "sponsor_name": choice(PARENTS),
                    "sponsor_address": "Jakarta Selatan", "sponsor_contact": "", "sponsor_relation": "ibu",
                    "nama_pengurus": "", "nama_biro_jasa": "", "landing_date": None, "landing_port": choice(PORTS),
                    "landing_vessel": "", "stay_permit_type": "", "stay_permit_no": "", "stay_permit_expiry": None,
                    "paraf_by": "", "paraf_at": None, "correction_reasons": "", "register_no": register_no,
                    "receipt_no": receipt_no, "card_valid_until": None, "data_hash": "", "collected_by": "",
                    "collected_id_no": "", "closed_at": moment if final == sop.State.SELESAI.value else None,
                })
            with conn.begin():
                _bulk_insert(conn, Foreigner, people)
                _bulk_insert(conn, Case, cases)
                _bulk_insert(conn, CaseStep, steps)
                _bulk_insert(conn, Payment, payments)
                search.index_new(conn, people, cases)
                sla.add(conn, _rollup(steps, cases))
            made += size
    with store.write() as session:
        for name, key in (("application", "app"), ("register", "reg"), ("receipt", "rcp")):
            counter = lock_counter(session, f"{name}:{now.astimezone().year}")
            counter.value = seq[key]
            session.add(counter)
        audit.append(session, "demo", "demo.seed", "store", "", {"cases": count, "seed": seed})
    return SeedResult(count, closed, opened)


