"""`python -m ttdesk.cli` for shell scripts under test, without paying the imports each time.

A script such as examples/walk.sh starts the command line some forty times; each fresh
interpreter spends most of its ~1.5 s importing the command modules. Here one server process
imports what `python -m ttdesk.cli` imports before it reads its arguments (the package and
every command module, through `build_parser`) and then forks once per command: each command
still runs in a process of its own, through the package's `__main__` (runpy, as `-m` does),
with the caller's argv, working folder, environment, stdin, stdout and stderr (the file
descriptors themselves, passed over a Unix socket), and its exit code becomes the caller's.

    server: python tests/cli/fork_cli.py --serve SOCKET      (prints "ready" when listening)
    client: python tests/cli/fork_cli.py SOCKET ARGS...       (the script's TTDESK_CLI)

The client imports nothing beyond the standard library's socket and json.
"""

from __future__ import annotations

import json
import os
import socket
import struct
import sys

HEADER = struct.Struct("!I")


def _recv_exactly(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise EOFError("connection closed")
        data += chunk
    return data


def client(path: str, argv: list[str]) -> int:
    request = json.dumps({"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}).encode()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.connect(path)
        socket.send_fds(conn, [HEADER.pack(len(request))], [0, 1, 2])
        conn.sendall(request)
        try:
            (code,) = HEADER.unpack(_recv_exactly(conn, HEADER.size))
        except EOFError:
            print("fork_cli: the command's process ended without an exit code", file=sys.stderr)
            return 1
    return int(code)


def _fresh_stdio() -> None:
    """Text streams on fds 0-2 as a new interpreter would open them (encoding from the same
    environment; stderr line-buffered with backslashreplace)."""
    encoding = sys.stdout.encoding
    sys.stdin = sys.__stdin__ = open(0, encoding=encoding, closefd=False)  # noqa: SIM115
    sys.stdout = sys.__stdout__ = open(1, "w", encoding=encoding,  # noqa: SIM115
                                       errors=sys.stdout.errors, closefd=False)
    sys.stderr = sys.__stderr__ = open(2, "w", buffering=1, encoding=encoding,  # noqa: SIM115
                                       errors="backslashreplace", closefd=False)


def _exit_code(exc: SystemExit) -> int:
    """What the interpreter makes of SystemExit's argument."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code & 0xFF
    print(exc.code, file=sys.stderr)
    return 1


def _run_command(conn: socket.socket) -> None:
    """In the forked child: become the caller's process, run `-m ttdesk.cli`, answer, exit."""
    import atexit
    import runpy
    import traceback

    code = 1
    try:
        header, fds, _flags, _addr = socket.recv_fds(conn, HEADER.size, 3)
        (size,) = HEADER.unpack(header)
        request = json.loads(_recv_exactly(conn, size))
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        _fresh_stdio()
        sys.argv = ["ttdesk.cli", *request["argv"]]
        code = 0
        runpy.run_module("ttdesk.cli", run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = _exit_code(exc)
    except BaseException:
        traceback.print_exc()
        code = 1
    try:
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        conn.sendall(HEADER.pack(code))
        os._exit(code)


def serve(path: str) -> None:
    import signal

    from ttdesk.cli.main import build_parser

    build_parser()  # every command module imported, as `python -m ttdesk.cli` does first
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children reaped by the kernel
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(path)
        listener.listen(8)
        print("ready", flush=True)
        while True:
            conn, _ = listener.accept()
            sys.stdout.flush()
            sys.stderr.flush()
            if os.fork() == 0:
                listener.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                _run_command(conn)
            conn.close()


if __name__ == "__main__":
    if sys.argv[1] == "--serve":
        serve(sys.argv[2])
    else:
        sys.exit(client(sys.argv[1], sys.argv[2:]))
