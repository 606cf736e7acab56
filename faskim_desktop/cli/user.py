"""``faskim user``: accounts. The first admin is created here."""

from __future__ import annotations

import argparse
import os

from faskim_desktop.cli._common import read_password, workspace
from faskim_desktop.core import messages
from faskim_desktop.core.accounts import Accounts
from faskim_desktop.core.errors import ValidationError

ACTOR = "cli"


def _accounts(upgrade: bool = True) -> tuple[Accounts, object]:
    ws = workspace(upgrade=upgrade)
    return Accounts(ws.store), ws


def _add(args: argparse.Namespace) -> int:
    accounts, ws = _accounts()
    try:
        password = read_password(messages.text("cli.password_prompt"))
        if not args.no_confirm and "FASKIM_PASSWORD" not in os.environ:
            again = read_password(messages.text("cli.password_again"))
            if again != password:
                raise ValidationError("cli.password_mismatch", field="password")
        user = accounts.add_user(ACTOR, args.username, args.full_name, password, args.roles, args.nip)
        print(messages.text("cli.user_added", {"username": user.username,
                                               "roles": ", ".join(sorted(r.value for r in user.roles))}))
        return 0
    finally:
        ws.close()  # type: ignore[attr-defined]


def _list(args: argparse.Namespace) -> int:
    accounts, ws = _accounts()
    try:
        for user in accounts.list_users():
            state = "aktif" if user.active else "nonaktif"
            locked = " (terkunci)" if user.locked_until else ""
            print(f"{user.username:20} {user.roles:40} {state}{locked}  {user.full_name}")
        return 0
    finally:
        ws.close()  # type: ignore[attr-defined]


def _passwd(args: argparse.Namespace) -> int:
    accounts, ws = _accounts()
    try:
        accounts.set_password(ACTOR, args.username, read_password(messages.text("cli.password_prompt")))
        print(messages.text("cli.password_set", {"username": args.username}))
        return 0
    finally:
        ws.close()  # type: ignore[attr-defined]


def _active(args: argparse.Namespace) -> int:
    accounts, ws = _accounts()
    try:
        accounts.set_active(ACTOR, args.username, args.user_command == "enable")
        return 0
    finally:
        ws.close()  # type: ignore[attr-defined]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("user", help="manage user accounts")
    sub = parser.add_subparsers(dest="user_command", required=True)
    add = sub.add_parser("add", help="add a user (password from FASKIM_PASSWORD or the terminal)")
    add.add_argument("username")
    add.add_argument("--full-name", required=True)
    add.add_argument("--roles", required=True, help="comma-separated: loket,supervisor,bendahara,wasdakim,"
                                                    "kakanim,infokim,teknisi,admin")
    add.add_argument("--nip", default="")
    add.add_argument("--no-confirm", action="store_true", help="do not ask for the password twice")
    add.set_defaults(handler=_add)
    sub.add_parser("list", help="list users").set_defaults(handler=_list)
    passwd = sub.add_parser("passwd", help="set a user's password (also unlocks)")
    passwd.add_argument("username")
    passwd.set_defaults(handler=_passwd)
    for name in ("enable", "disable"):
        toggle = sub.add_parser(name, help=f"{name} a user")
        toggle.add_argument("username")
        toggle.set_defaults(handler=_active)


messages.register(
    {
        "cli.password_prompt": {"id": "Kata sandi: ", "en": "Password: "},
        "cli.password_again": {"id": "Ulangi kata sandi: ", "en": "Repeat password: "},
        "cli.password_mismatch": {"id": "Kedua kata sandi tidak sama.", "en": "The two passwords differ."},
        "cli.user_added": {"id": "Pengguna {username} ditambahkan ({roles}).", "en": "User {username} added ({roles})."},
        "cli.password_set": {"id": "Kata sandi {username} diganti.", "en": "Password of {username} changed."},
    }
)
