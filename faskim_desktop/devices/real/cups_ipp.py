"""A minimal IPP client for the local CUPS scheduler: queue state and job state (no Qt).

Qt's print support submits the job but tells neither the job id nor how the job ended, so the
card printer driver asks CUPS itself over IPP/1.1 (RFC 8010 encoding, RFC 8011 semantics):

* Get-Printer-Attributes — ``printer-state`` (3 idle, 4 processing, 5 stopped),
  ``printer-is-accepting-jobs``, ``printer-state-reasons``, ``media-supported``, ``sides-supported``;
* Get-Jobs — find the job the driver just submitted by its unique ``job-name``;
* Get-Job-Attributes — ``job-state`` (3 pending … 9 completed), reasons and message.

Transport: HTTP POST of ``application/ipp`` to the scheduler named by ``CUPS_SERVER`` (a socket
path or ``host[:port]``), else the domain socket ``/run/cups/cups.sock`` (or
``/var/run/cups/cups.sock``), else ``localhost:631``. Only the attribute types these operations
return are decoded; collections are skipped.
"""

from __future__ import annotations

import getpass
import http.client
import logging
import os
import socket
import struct
import threading
from dataclasses import dataclass, field
from urllib.parse import quote

log = logging.getLogger(__name__)

# Operation ids (RFC 8011 §5.4.15 / CUPS).
OP_GET_JOB_ATTRIBUTES = 0x0009
OP_GET_JOBS = 0x000A
OP_GET_PRINTER_ATTRIBUTES = 0x000B

# Delimiter and value tags (RFC 8010 §3.5).
TAG_OPERATION = 0x01
TAG_JOB = 0x02
TAG_END = 0x03
TAG_PRINTER = 0x04
TAG_UNSUPPORTED_GROUP = 0x05
TAG_INTEGER = 0x21
TAG_BOOLEAN = 0x22
TAG_ENUM = 0x23
TAG_BEG_COLLECTION = 0x34
TAG_END_COLLECTION = 0x37
TAG_TEXT = 0x41
TAG_NAME = 0x42
TAG_KEYWORD = 0x44
TAG_URI = 0x45
TAG_CHARSET = 0x47
TAG_LANGUAGE = 0x48
TAG_MIME = 0x49

PRINTER_IDLE, PRINTER_PROCESSING, PRINTER_STOPPED = 3, 4, 5
JOB_PENDING, JOB_HELD, JOB_PROCESSING, JOB_STOPPED, JOB_CANCELED, JOB_ABORTED, JOB_COMPLETED = range(3, 10)

SOCKET_PATHS = ("/run/cups/cups.sock", "/var/run/cups/cups.sock")


class IppError(Exception):
    """The scheduler could not be reached or answered with an IPP error status."""

    def __init__(self, message: str, status: int = -1) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class IppResponse:
    status: int
    request_id: int
    groups: list[tuple[int, dict[str, list[object]]]] = field(default_factory=list)

    def first(self, group_tag: int) -> dict[str, list[object]]:
        return next((attrs for tag, attrs in self.groups if tag == group_tag), {})

    def all(self, group_tag: int) -> list[dict[str, list[object]]]:
        return [attrs for tag, attrs in self.groups if tag == group_tag]


# -- encoding ----------------------------------------------------------------------------------


def _attr(tag: int, name: str, values: list[bytes]) -> bytes:
    out = bytearray()
    for i, value in enumerate(values):
        key = name.encode("utf-8") if i == 0 else b""
        out += struct.pack(">BH", tag, len(key)) + key + struct.pack(">H", len(value)) + value
    return bytes(out)


def encode_request(operation: int, request_id: int, attributes: list[tuple[int, str, list[object]]]) -> bytes:
    """An IPP/1.1 request with one operation-attributes group (charset and language first)."""
    body = bytearray(struct.pack(">BBHI", 1, 1, operation, request_id))
    body.append(TAG_OPERATION)
    body += _attr(TAG_CHARSET, "attributes-charset", [b"utf-8"])
    body += _attr(TAG_LANGUAGE, "attributes-natural-language", [b"en"])
    for tag, name, values in attributes:
        encoded = []
        for value in values:
            if tag in (TAG_INTEGER, TAG_ENUM):
                encoded.append(struct.pack(">i", int(value)))  # type: ignore[call-overload]
            elif tag == TAG_BOOLEAN:
                encoded.append(b"\x01" if value else b"\x00")
            else:
                encoded.append(str(value).encode("utf-8"))
        body += _attr(tag, name, encoded)
    body.append(TAG_END)
    return bytes(body)


# -- decoding ----------------------------------------------------------------------------------


def _value(tag: int, raw: bytes) -> object:
    if tag in (TAG_INTEGER, TAG_ENUM) and len(raw) == 4:
        return struct.unpack(">i", raw)[0]
    if tag == TAG_BOOLEAN and len(raw) == 1:
        return raw != b"\x00"
    if 0x40 <= tag <= 0x4F:  # character-string types
        return raw.decode("utf-8", "replace")
    return raw


def decode_response(data: bytes) -> IppResponse:
    """Parse an IPP response; raises ``IppError`` on truncated or malformed data."""
    if len(data) < 9:
        raise IppError("IPP response too short")
    _major, _minor, status, request_id = struct.unpack(">BBHI", data[:8])
    response = IppResponse(status=status, request_id=request_id)
    pos = 8
    current: dict[str, list[object]] | None = None
    last_name = ""
    depth = 0
    while pos < len(data):
        tag = data[pos]
        pos += 1
        if tag == TAG_END:
            return response
        if tag < 0x10:  # delimiter: a new attribute group
            current = {}
            response.groups.append((tag, current))
            last_name = ""
            continue
        if pos + 2 > len(data):
            raise IppError("IPP response truncated (name length)")
        (name_len,) = struct.unpack(">H", data[pos : pos + 2])
        pos += 2
        name = data[pos : pos + name_len].decode("utf-8", "replace")
        pos += name_len
        if pos + 2 > len(data):
            raise IppError("IPP response truncated (value length)")
        (value_len,) = struct.unpack(">H", data[pos : pos + 2])
        pos += 2
        raw = data[pos : pos + value_len]
        if len(raw) != value_len:
            raise IppError("IPP response truncated (value)")
        pos += value_len
        if tag == TAG_BEG_COLLECTION:
            if depth == 0 and current is not None and name:
                current.setdefault(name, []).append({})  # collections are not decoded
                last_name = name
            depth += 1
            continue
        if tag == TAG_END_COLLECTION:
            depth = max(0, depth - 1)
            continue
        if depth or current is None:
            continue  # inside a collection (member names/values) or before any group
        if name:
            last_name = name
            current.setdefault(name, []).append(_value(tag, raw))
        elif last_name:
            current[last_name].append(_value(tag, raw))
    raise IppError("IPP response has no end-of-attributes tag")


# -- transport ---------------------------------------------------------------------------------


class _UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        sock.connect(self._path)
        self.sock = sock


def _connection(timeout: float) -> http.client.HTTPConnection:
    server = os.environ.get("CUPS_SERVER", "").strip()
    if server.startswith("/"):
        return _UnixHTTPConnection(server, timeout)
    if server:
        host, _, port = server.partition(":")
        return http.client.HTTPConnection(host, int(port or 631), timeout=timeout)
    for path in SOCKET_PATHS:
        if os.path.exists(path):
            return _UnixHTTPConnection(path, timeout)
    return http.client.HTTPConnection("localhost", 631, timeout=timeout)


class CupsClient:
    """Queries the local CUPS scheduler. Thread-safe (one HTTP connection per request)."""

    def __init__(self, timeout: float = 5.0) -> None:
        self.timeout = timeout
        self._request_id = 0
        self._lock = threading.Lock()
        self.user = _user()

    def _next_id(self) -> int:
        with self._lock:
            self._request_id = self._request_id % 0x7FFFFFFF + 1
            return self._request_id

    def request(self, operation: int, resource: str, attributes: list[tuple[int, str, list[object]]]) -> IppResponse:
        body = encode_request(operation, self._next_id(), attributes)
        conn = _connection(self.timeout)
        try:
            conn.request("POST", resource, body=body, headers={"Content-Type": "application/ipp"})
            reply = conn.getresponse()
            data = reply.read()
        except OSError as exc:
            raise IppError(f"CUPS scheduler not reachable: {exc}") from exc
        finally:
            conn.close()
        if reply.status != 200:
            raise IppError(f"CUPS answered HTTP {reply.status}")
        response = decode_response(data)
        if response.status >= 0x0100:  # successful-ok* are 0x0000-0x00FF (RFC 8011 §B.1.1)
            raise IppError(f"IPP status 0x{response.status:04x}", response.status)
        return response

    @staticmethod
    def printer_uri(queue: str) -> str:
        return f"ipp://localhost/printers/{quote(queue, safe='')}"

    def printer_attributes(self, queue: str) -> dict[str, list[object]]:
        response = self.request(
            OP_GET_PRINTER_ATTRIBUTES,
            f"/printers/{quote(queue, safe='')}",
            [
                (TAG_URI, "printer-uri", [self.printer_uri(queue)]),
                (TAG_NAME, "requesting-user-name", [self.user]),
                (
                    TAG_KEYWORD,
                    "requested-attributes",
                    [
                        "printer-state",
                        "printer-state-reasons",
                        "printer-state-message",
                        "printer-is-accepting-jobs",
                        "media-supported",
                        "sides-supported",
                    ],
                ),
            ],
        )
        return response.first(TAG_PRINTER)

    def jobs(self, queue: str, which: str = "all", limit: int = 0) -> list[dict[str, list[object]]]:
        attributes: list[tuple[int, str, list[object]]] = [
            (TAG_URI, "printer-uri", [self.printer_uri(queue)]),
            (TAG_NAME, "requesting-user-name", [self.user]),
            (TAG_KEYWORD, "which-jobs", [which]),
            (TAG_KEYWORD, "requested-attributes", ["job-id", "job-name", "job-state"]),
        ]
        if limit:
            attributes.append((TAG_INTEGER, "limit", [limit]))
        response = self.request(OP_GET_JOBS, "/", attributes)
        return response.all(TAG_JOB)

    def find_job(self, queue: str, job_name: str) -> int | None:
        """The newest job on ``queue`` named ``job_name`` (any state), or None."""
        ids = [
            int(job["job-id"][0])  # type: ignore[call-overload]
            for job in self.jobs(queue)
            if job.get("job-name", [None])[0] == job_name and job.get("job-id")
        ]
        return max(ids) if ids else None

    def job_attributes(self, job_id: int) -> dict[str, list[object]]:
        response = self.request(
            OP_GET_JOB_ATTRIBUTES,
            "/",
            [
                (TAG_URI, "job-uri", [f"ipp://localhost/jobs/{int(job_id)}"]),
                (TAG_NAME, "requesting-user-name", [self.user]),
                (
                    TAG_KEYWORD,
                    "requested-attributes",
                    ["job-id", "job-state", "job-state-reasons", "job-state-message", "job-printer-uri"],
                ),
            ],
        )
        return response.first(TAG_JOB)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in a minimal container
        return "faskim"


def scheduler_available() -> bool:
    """Whether a CUPS scheduler answers here (used to decide how jobs are followed)."""
    try:
        CupsClient(timeout=1.0).request(
            OP_GET_PRINTER_ATTRIBUTES, "/", [(TAG_URI, "printer-uri", ["ipp://localhost/"])]
        )
    except IppError as exc:
        return exc.status >= 0  # an IPP error answer still proves the scheduler is there
    return True


# -- meaning of the states for the driver (still Qt-free) ---------------------------------------

JOB_STATE_NAMES = {
    JOB_PENDING: "pending",
    JOB_HELD: "held",
    JOB_PROCESSING: "processing",
    JOB_STOPPED: "stopped",
    JOB_CANCELED: "canceled",
    JOB_ABORTED: "aborted",
    JOB_COMPLETED: "completed",
}


def job_reason(attrs: dict[str, list[object]]) -> str:
    """A short code-like reason from job-state-reasons (``none`` dropped) and the message."""
    # "processing-to-stop-point" is CUPS bookkeeping left on finished jobs, not a reason to show.
    noise = ("none", "", "processing-to-stop-point")
    reasons = [str(r) for r in attrs.get("job-state-reasons", []) if str(r) not in noise]
    message = str((attrs.get("job-state-message") or [""])[0]).strip()
    return ", ".join(reasons + ([message] if message else []))


def queue_problem(attrs: dict[str, list[object]]) -> str | None:
    """Why a queue cannot take a job now (stopped, not accepting), or None when it can."""
    state = (attrs.get("printer-state") or [PRINTER_IDLE])[0]
    accepting = (attrs.get("printer-is-accepting-jobs") or [True])[0]
    reasons = [str(r) for r in attrs.get("printer-state-reasons", []) if str(r) not in ("none", "")]
    message = str((attrs.get("printer-state-message") or [""])[0]).strip()
    if state == PRINTER_STOPPED:
        return "stopped" + (f": {', '.join(reasons)}" if reasons else "") + (f" ({message})" if message else "")
    if accepting is False:
        return "not accepting jobs" + (f" ({message})" if message else "")
    return None
