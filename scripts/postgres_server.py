"""A throwaway PostgreSQL + PostGIS server for tests and benchmarks: a new cluster in a temp
folder on a free 127.0.0.1 port, stopped and deleted at the end.

Debian's `postgresql-15-postgis-3` is installed by `scripts/system-deps.sh` when missing (as
root). PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres`
user. Usage: `with PostgresServer() as server: server.url`.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")
PACKAGE = "postgresql-15-postgis-3"
ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """`url` is a postgresql:// URL to a database with the PostGIS extension created."""

    def __init__(self, database: str = "strikemap", *, durable: bool = False) -> None:
        self.database = database
        self.durable = durable  # fsync and synchronous commits on: a stop loses nothing
        self.port = _free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="strikemap-pg-"))
        self.data = self.folder / "data"
        self.user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        self.url = f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = list(args)
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, cwd="/")

    def start(self) -> PostgresServer:
        if not (BIN / "postgres").exists():
            subprocess.run(["bash", str(ROOT / "scripts" / "system-deps.sh"), PACKAGE], check=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(str(BIN / "initdb"), "-D", str(self.data), "-U", self.user, "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        self.resume()
        self._run(str(BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user,
                  self.database)  # fmt: skip
        self._run(str(BIN / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user,
                  "-d", self.database, "-c", "CREATE EXTENSION postgis")  # fmt: skip
        return self

    def resume(self) -> None:
        """Start the server on its data folder (after `halt`, with everything it committed)."""
        options = f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c max_connections=50"
        if not self.durable:  # tests' speed: nothing here must outlive a crash
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-t", "60",
                  "-l", str(self.folder / "log"), "start")  # fmt: skip

    def halt(self) -> None:
        """Stop the server at once, as a crash would, keeping its data folder."""
        self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop", check=False)

    def stop(self) -> None:
        self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


if __name__ == "__main__":
    started = time.perf_counter()
    with PostgresServer() as server:
        print(f"{server.url} up in {time.perf_counter() - started:.1f} s")
