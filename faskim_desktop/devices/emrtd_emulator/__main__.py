"""Run the eMRTD emulator as a card in vsmartcard's vpcd reader.

    python -m faskim_desktop.devices.emrtd_emulator --demo [--port 35963]
    python -m faskim_desktop.devices.emrtd_emulator --config passport.json
    python -m faskim_desktop.devices.emrtd_emulator --document-number X1234567 --surname Doe \
        --given-names "Jane" --dob 150304 --sex F --expiry 300101 --photo face.jpg

It connects to vpcd (retrying until pcscd/vpcd listen), answers APDUs until the link closes,
then reconnects — so it survives a pcscd restart — and runs until killed. The demo CSCA
certificate is written to ``--csca-out`` so a verifier can check the SOD chain.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
import tempfile
import threading
from pathlib import Path

from faskim_desktop.devices.emrtd_emulator.applet import EmrtdApplet, VpcdCard
from faskim_desktop.devices.emrtd_emulator.passport import DEMO, ChipContent, PassportProfile
from faskim_desktop.devices.vpcd_link import VPCD_HOST, VPCD_PORT, VpcdLink, VpcdLinkError

log = logging.getLogger("faskim_desktop.devices.emrtd_emulator")

DEFAULT_CSCA_OUT = Path(
    os.environ.get("FASKIM_EMRTD_CSCA", Path(tempfile.gettempdir()) / "faskim-emrtd" / "demo-csca.pem")
)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m faskim_desktop.devices.emrtd_emulator",
        description="eMRTD (BAC ePassport) card emulator for vsmartcard's vpcd reader",
    )
    src = p.add_mutually_exclusive_group()
    src.add_argument("--demo", action="store_true", help="the built-in demo child passport (default)")
    src.add_argument("--config", type=Path, help="passport JSON (PassportProfile fields, photo path)")
    p.add_argument("--document-number")
    p.add_argument("--surname", help="primary identifier")
    p.add_argument("--given-names", default="", help="secondary identifier")
    p.add_argument("--dob", help="date of birth YYMMDD")
    p.add_argument("--sex", default="<", choices=["M", "F", "X", "<"])
    p.add_argument("--expiry", help="date of expiry YYMMDD")
    p.add_argument("--nationality", default="UTO")
    p.add_argument("--issuing-state", default="UTO")
    p.add_argument("--photo", type=Path, help="JPEG or JPEG 2000 face image")
    p.add_argument("--pace-only", action="store_true", help="act as a PACE-only chip (refuses BAC)")
    p.add_argument("--host", default=VPCD_HOST)
    p.add_argument("--port", type=int, default=VPCD_PORT, help="vpcd port (35963 = 'Virtual PCD 00 00')")
    p.add_argument("--csca-out", type=Path, default=DEFAULT_CSCA_OUT, help="where to write the CSCA (PEM)")
    p.add_argument("--once", action="store_true", help="exit when vpcd closes the link")
    p.add_argument("-v", "--verbose", action="store_true")
    return p


def profile_from_args(args: argparse.Namespace) -> PassportProfile:
    if args.config:
        profile = PassportProfile.from_json(args.config)
    elif args.document_number:
        missing = [n for n in ("surname", "dob", "expiry") if not getattr(args, n)]
        if missing:
            raise SystemExit(f"missing --{', --'.join(missing)} for a custom passport")
        profile = PassportProfile(
            document_number=args.document_number,
            primary=args.surname,
            secondary=args.given_names,
            dob=args.dob,
            sex=args.sex,
            expiry=args.expiry,
            nationality=args.nationality,
            issuing_state=args.issuing_state,
            photo=args.photo.read_bytes() if args.photo else b"",
        )
    else:
        profile = DEMO
    if args.pace_only:
        from dataclasses import replace

        profile = replace(profile, pace_only=True)
    return profile


class Runner:
    """Keeps the card inserted in vpcd: reconnects whenever the link drops, until ``stop()``."""

    def __init__(self, card: VpcdCard, host: str, port: int) -> None:
        self.card = card
        self.host = host
        self.port = port
        self._stop = threading.Event()
        self._link: VpcdLink | None = None

    def stop(self) -> None:
        self._stop.set()
        link = self._link
        if link is not None:
            link.close()  # unblocks the read in serve()

    def run(self, once: bool = False) -> None:
        waiting_logged = False
        while not self._stop.is_set():
            link = VpcdLink(self.host, self.port)
            try:
                link.connect(timeout=1.0)
            except VpcdLinkError:
                if not waiting_logged:
                    log.info("waiting for vpcd on %s:%d", self.host, self.port)
                    waiting_logged = True
                continue
            waiting_logged = False
            self._link = link
            if self._stop.is_set():
                link.close()
                break
            log.info("card inserted in vpcd on port %d", self.port)
            self.card.applet.reset()
            link.serve(self.card, self._stop)
            self._link = None
            log.info("vpcd link closed")
            if once:
                return
            self._stop.wait(0.2)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="emrtd-emulator %(levelname)s %(message)s",
    )
    profile = profile_from_args(args)
    content = ChipContent.build(profile)
    with contextlib.suppress(OSError):
        args.csca_out.parent.mkdir(parents=True, exist_ok=True)
        args.csca_out.write_bytes(content.keys.csca_pem())
        log.info("demo CSCA certificate written to %s", args.csca_out)
    if profile is DEMO:
        # The demo passport is fictional (Utopia); its key is printed for trainers and testers.
        print(f"demo passport MRZ key: {DEMO.document_number},{DEMO.dob},{DEMO.expiry}", flush=True)
    runner = Runner(VpcdCard(EmrtdApplet(profile, content)), args.host, args.port)

    def on_signal(_signum: int, _frame: object) -> None:
        runner.stop()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    runner.run(once=args.once)
    return 0


if __name__ == "__main__":
    sys.exit(main())
