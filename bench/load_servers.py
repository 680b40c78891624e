"""The servers of a load run: one or more ``streamlit run server.py`` in server mode, nginx in front of
several, and what they cost (CPU and resident memory read from ``/proc``).

The proxy configuration is ``deploy/nginx.conf`` itself, with the ports of this run put in and without
TLS (:func:`bench_nginx_conf`), so the run measures the configuration the README tells people to use.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} stopped: " + (proc.stderr.read().decode(errors="replace")[-2000:]
                                                       if proc.stderr else ""))
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not answer within {timeout:.0f} s")


@contextmanager
def _process(args: list[str], env: dict[str, str], health: str, what: str, log: Path | None = None):
    out = log.open("ab") if log else subprocess.DEVNULL
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.PIPE if log is None else out)
    try:
        wait_until_up(health, proc, what)
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if log:
            out.close()


@contextmanager
def streamlit(db_path: Path, port: int, *, post_script_gc: bool | None = None, log: Path | None = None):
    """``streamlit run server.py`` in server mode on ``port``; ``post_script_gc`` overrides the config file."""
    env = os.environ | {"WEGWIJZER_MODE": "server", "WEGWIJZER_DB": str(db_path),
                        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    args = [sys.executable, "-m", "streamlit", "run", str(ROOT / "server.py"), "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none"]
    if post_script_gc is not None:
        args += ["--runner.postScriptGC", str(post_script_gc).lower()]
    with _process(args, env, f"http://127.0.0.1:{port}/_stcore/health", f"streamlit on port {port}", log) as proc:
        yield proc


def bench_nginx_conf(template: str, listen: int, backends: list[int], workdir: Path) -> str:
    """``deploy/nginx.conf`` for this run: our ports, plain HTTP on loopback, logs and temp files in ``workdir``.

    The sticky part (the ``map`` on the login cookie and ``hash … consistent``) is kept as written.
    """
    site = re.sub(r"(?m)^\s*server 127\.0\.0\.1:\d+[^;]*;\n", "", template)
    servers = "".join(f"    server 127.0.0.1:{p};\n" for p in backends)
    site, n = re.subn(r"(?m)^(upstream wegwijzer \{\n)", lambda m: m.group(1) + servers, site)
    if n != 1:
        raise ValueError("deploy/nginx.conf: no 'upstream wegwijzer {' block")
    site = re.sub(r"(?ms)^server \{\n\s*listen 80;.*?^\}\n", "", site)  # the redirect to HTTPS
    site = re.sub(r"(?m)^\s*listen (\[::\]:)?443.*\n", "", site)
    site = re.sub(r"(?m)^\s*(ssl_|add_header Strict-Transport-Security).*\n", "", site)
    site = re.sub(r"(?m)^(\s*)server_name .*;\n", lambda m: f"{m.group(1)}listen 127.0.0.1:{listen};\n"
                  f"{m.group(1)}add_header X-Bench-Backend $upstream_addr always;\n", site)
    temp = "".join(f"    {kind}_temp_path {workdir / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (f"worker_processes 1;\npid {workdir / 'nginx.pid'};\nerror_log {workdir / 'error.log'} warn;\n"
            f"events {{ worker_connections 4096; }}\nhttp {{\n    access_log off;\n{temp}{site}}}\n")


@contextmanager
def nginx(listen: int, backends: list[int], workdir: Path):
    """nginx (Debian's package) in front of ``backends`` with the repository's configuration."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        raise RuntimeError("nginx is missing: apt-get install nginx-light (the multi-process L2 run needs it)")
    workdir.mkdir(parents=True, exist_ok=True)
    conf = workdir / "nginx.conf"
    conf.write_text(bench_nginx_conf(NGINX_CONF.read_text(), listen, backends, workdir))
    args = [binary, "-p", str(workdir), "-c", str(conf), "-g", "daemon off;"]
    with _process(args, dict(os.environ), f"http://127.0.0.1:{listen}/_stcore/health", "nginx") as proc:
        yield proc


@dataclass
class Cluster:
    """Where users connect, and the processes whose cost is measured."""

    url: str
    servers: list[subprocess.Popen]
    proxy: subprocess.Popen | None = None

    def pids(self) -> list[int]:
        """The processes whose CPU and memory count: the streamlit processes and nginx with its worker."""
        return [p.pid for p in self.servers] + (with_children(self.proxy.pid) if self.proxy else [])


@contextmanager
def cluster(db_path: Path, processes: int, *, post_script_gc: bool | None, workdir: Path):
    """One streamlit process, or ``processes`` of them behind nginx, all on the one database file."""
    workdir.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        ports = [free_port() for _ in range(processes)]
        servers = [stack.enter_context(streamlit(db_path, p, post_script_gc=post_script_gc,
                                                 log=workdir / f"streamlit-{p}.log")) for p in ports]
        if processes == 1:
            yield Cluster(f"http://127.0.0.1:{ports[0]}", servers)
            return
        listen = free_port()
        proxy = stack.enter_context(nginx(listen, ports, workdir / "nginx"))
        yield Cluster(f"http://127.0.0.1:{listen}", servers, proxy)


# --- cost -------------------------------------------------------------------------------------------


def with_children(pid: int) -> list[int]:
    """The process and its children (nginx: the master and its worker)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [pid, *(int(c) for c in children.read_text().split())] if children.exists() else [pid]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def machine_busy_seconds() -> float:
    """CPU seconds all cores of the machine have been busy (``/proc/stat``; idle and iowait left out)."""
    ticks = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(ticks) - ticks[3] - ticks[4]) / TICKS


def others_percent(own_pids: list[int], seconds: float = 3.0) -> float:
    """CPU (% of one core) the machine spends on anything but ``own_pids`` and this process."""
    pids = [*own_pids, os.getpid()]
    busy0, own0 = machine_busy_seconds(), sum(cpu_seconds(p) for p in pids)
    time.sleep(seconds)
    return 100 * ((machine_busy_seconds() - busy0) - (sum(cpu_seconds(p) for p in pids) - own0)) / seconds


def wait_for_quiet(limit_percent: float = 25.0, patience_s: float = 900.0, say=print) -> float:
    """Wait (at most ``patience_s``) until other work on the machine uses under ``limit_percent`` of a core.

    A load figure measured while a test suite or a browser runs next to it says little; the wait and
    what others used during each step are printed with the figure.
    """
    deadline = time.monotonic() + patience_s
    others = others_percent([])
    told = False
    while others > limit_percent and time.monotonic() < deadline:
        if not told:
            say(f"  waiting for a quiet machine: other processes use {others:.0f}% of a core")
            told = True
        time.sleep(10)
        others = others_percent([])
    return others


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class Cost:
    """CPU (% of one core, summed over the processes) and resident memory between ``start`` and ``stop``;
    ``others_percent``: what the rest of the machine used meanwhile (not these processes, not this one)."""

    pids: list[int]
    interval: float = 1.0
    rss: list[float] = field(default_factory=list)  # summed RSS (MB) at each sample
    _cpu0: float = 0.0
    _t0: float = 0.0
    _machine0: float = 0.0
    _self0: float = 0.0
    cpu_percent: float = 0.0
    others_percent: float = 0.0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def total_cpu(self) -> float:
        return sum(cpu_seconds(p) for p in self.pids)

    def total_rss(self) -> float:
        return sum(rss_mb(p) for p in self.pids)

    def start(self) -> None:
        self._cpu0, self._t0 = self.total_cpu(), time.monotonic()
        self._machine0, self._self0 = machine_busy_seconds(), cpu_seconds(os.getpid())
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            self.rss.append(self.total_rss())

    def stop(self) -> None:
        elapsed = time.monotonic() - self._t0
        own = self.total_cpu() - self._cpu0
        self.cpu_percent = 100 * own / elapsed
        machine = machine_busy_seconds() - self._machine0
        self.others_percent = 100 * (machine - own - (cpu_seconds(os.getpid()) - self._self0)) / elapsed
        self._stop.set()
        self._thread.join()
        self.rss.append(self.total_rss())

    @property
    def rss_max(self) -> float:
        return max(self.rss)
