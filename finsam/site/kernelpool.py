"""Kernels started ahead of need, one fresh kernel per report.

A report's floor was mostly starting a kernel and importing pandas, matplotlib and scipy again.
Each render worker therefore keeps the *next* report's kernel starting while the current report
runs: when a report takes its kernel, the next one is launched at once, so its start-up (and, with
``PRELOAD``, its imports) overlaps with the current report's work instead of adding to it.

What the one-kernel-per-report design protects is kept: every report still gets a kernel process
of its own that ran no other report's code, and is shut down after its report; a report that dies
or sets global state leaves the next report's kernel untouched, because that kernel is a separate
process started from the same clean state (it never executes a cell before its report's first).

papermill stays the executor: the started kernel manager is handed to papermill, which passes it
to nbclient (``km=``); nbclient then neither starts nor stops it, and this module shuts it down.

A pooled kernel's clients (the pool's readiness probe, then nbclient's) are :data:`CLIENT`: the
readiness handshake ends when the kernel has answered, not after 0.2 s of silence on IOPub as
jupyter_client's does (:func:`ready_client_class`), about a third of a page's wall time.

How a pooled kernel is started (``FINSAM_KERNEL_POOL``):

- ``fork`` (default): forked from a zygote process that has already imported the libraries
  (:mod:`finsam.site.kernelzygote`, through a jupyter_client kernel provisioner); the imports are paid
  once per render worker instead of once per report;
- ``spawn``: a new ``python -m ipykernel_launcher`` process, as papermill would start it, plus
  ``PRELOAD`` run at start-up (``FINSAM_KERNEL_PRELOAD=0``: without);
- ``0``: no pool; papermill starts each kernel itself when the report runs.
"""
from __future__ import annotations

import atexit
import os

from finsam.site.kernelzygote import LIBRARIES

ENV_POOL = "FINSAM_KERNEL_POOL"
ENV_PRELOAD = "FINSAM_KERNEL_PRELOAD"
#: run by each pooled kernel at start-up, before its report's first cell: imports only, no state
#: a report could see other than modules being already in sys.modules
PRELOAD = "import " + ", ".join(LIBRARIES)
HISTORY = "--HistoryManager.hist_file=:memory:"  # what nbclient adds when it starts a kernel itself
#: the client class of pooled kernels' managers (see :func:`ready_client_class`)
CLIENT = "finsam.site.kernelpool.ReadyClient"
#: the attribute of a pooled kernel's manager that lists the clients made for it
CLIENTS = "_finsam_clients"


def ready_client_class():
    """jupyter_client's asynchronous kernel client with a readiness handshake that ends when the
    kernel has answered, not 0.2 s later.

    ``wait_for_ready`` (which nbclient calls before a report's first cell, and the pool's own probe)
    asks for kernel_info, then drains the IOPub channel until no message came for 0.2 s: 0.2 s of
    idle time twice per report, about 0.4 s of every page's wall time. This one asks for
    kernel_info and waits for the reply on the shell channel and for the kernel's *idle* status for
    that request on IOPub, the last message a request produces. Seeing it proves what the original
    checks (the kernel answers, IOPub is connected) and that nothing of the handshake is still
    on its way; if IOPub was not yet connected (its messages were lost), it asks again, as the
    original does."""
    import asyncio
    import time
    from queue import Empty

    from jupyter_client.asynchronous.client import AsyncKernelClient
    from jupyter_core.utils import ensure_async

    class _ReadyClient(AsyncKernelClient):
        def start_channels(self, shell: bool = True, iopub: bool = True, stdin: bool = True, hb: bool = True,
                           control: bool = True) -> None:
            # No heartbeat channel: a client made by a kernel manager asks the manager whether the
            # kernel lives, not the heartbeat, and the heartbeat's thread can hang its stop: started
            # and stopped within milliseconds (this handshake is that quick), the thread sets
            # itself running *after* stop() cleared the flag, pings a kernel that is then shut
            # down, blocks in a send no peer takes, and stop()'s join waits for it forever.
            # The manager keeps its clients: nbclient leaves the channels of a client it made for a
            # kernel it was given open (they are the owner's), each with a ZMQ context and its
            # threads; KernelPool.discard stops them with the kernel.
            clients = getattr(self.parent, CLIENTS, None)
            if clients is not None:
                clients.append(self)
            super().start_channels(shell=shell, iopub=iopub, stdin=stdin, hb=False, control=control)

        async def wait_for_ready(self, timeout: float | None = None) -> None:
            deadline = time.monotonic() + (float("inf") if timeout is None else timeout)

            async def until(channel, done, limit) -> bool:
                while time.monotonic() < min(limit, deadline):
                    try:
                        msg = await ensure_async(channel.get_msg(timeout=max(0.01, min(limit, deadline) - time.monotonic())))
                    except Empty:
                        return False
                    if done(msg):
                        return True
                return False

            while True:
                msg_id = self.kernel_info()

                def ours(m):
                    return m.get("parent_header", {}).get("msg_id") == msg_id

                def reply(m):
                    if ours(m) and m["msg_type"] == "kernel_info_reply":
                        self._handle_kernel_info_reply(m)
                        return True
                    return False

                if await until(self.shell_channel, reply, time.monotonic() + 1) and await until(
                        self.iopub_channel, lambda m: ours(m) and m["msg_type"] == "status"
                        and m["content"].get("execution_state") == "idle", time.monotonic() + 1):
                    return
                if not await self._async_is_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")
                await asyncio.sleep(0)

    return _ReadyClient


def __getattr__(name: str):
    # ``CLIENT`` names a class built on first use, so that importing this module does not import
    # jupyter_client (the render's parent process lists jobs without it)
    if name == "ReadyClient":
        cls = ready_client_class()
        globals()["ReadyClient"] = cls
        return cls
    raise AttributeError(name)


def mode() -> str:
    v = os.environ.get(ENV_POOL, "fork").strip().lower()
    if v in ("0", "false", "no", "off", ""):
        return "off"
    return "spawn" if v == "spawn" else "fork"


def enabled() -> bool:
    return mode() != "off"


def preload_enabled() -> bool:
    return os.environ.get(ENV_PRELOAD, "1") not in ("0", "false", "no", "")


class KernelPool:
    """Kernels of one name, arguments and working folder, started ``ahead`` at a time before they
    are needed. Not thread-safe: one pool per render worker process."""

    def __init__(self, kernel_name: str, extra_arguments: list[str], cwd: str, ahead: int = 1,
                 preload: bool | None = None, how: str | None = None):
        self.kernel_name, self.cwd, self.ahead = kernel_name, cwd, ahead
        self.how = how or mode()
        args = list(extra_arguments)
        if HISTORY.split("=")[0] not in " ".join(args):
            args.append(HISTORY)
        if self.how == "spawn" and (preload if preload is not None else preload_enabled()):
            args.append(f"--IPKernelApp.exec_lines={PRELOAD}")
        self.extra_arguments = args
        self.waiting: list = []
        self.zygote = None

    def _start(self):
        import uuid

        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync
        km = AsyncKernelManager(kernel_name=self.kernel_name, client_class=CLIENT)
        setattr(km, CLIENTS, [])
        if self.how == "fork":
            from finsam.site import kernelzygote
            if self.zygote is None or not self.zygote.alive():
                self.zygote = kernelzygote.Zygote()
            km.kernel_id = str(uuid.uuid4())
            prov = kernelzygote.provisioner_class()(kernel_id=km.kernel_id, kernel_spec=km.kernel_spec, parent=km)
            prov.zygote = self.zygote
            km.provisioner = prov
        run_sync(km.start_kernel)(extra_arguments=self.extra_arguments, cwd=self.cwd)
        return km

    def fill(self) -> None:
        while len(self.waiting) < self.ahead:
            self.waiting.append(self._start())

    @staticmethod
    def ready(km, timeout: float = 60) -> bool:
        """Whether the kernel answers kernel_info: a kernel that died while starting or waiting
        (killed from outside, a port taken by another process) is never handed to a report."""
        from jupyter_core.utils import run_sync

        async def probe():
            if not await km.is_alive():
                return False
            kc = km.client()
            kc.start_channels()
            try:
                await kc.wait_for_ready(timeout=timeout)
                return True
            except Exception:
                return False
            finally:
                kc.stop_channels()

        try:
            return run_sync(probe)()
        except Exception:
            return False

    def take(self):
        """A started, responding kernel manager for one report (the oldest started), and start its
        successor; None if three kernels in a row failed to start (the report then lets papermill
        start its kernel, as without the pool)."""
        for _ in range(3):
            try:
                km = self.waiting.pop(0) if self.waiting else self._start()
                self.fill()
            except Exception:  # e.g. the zygote could not start: papermill starts the kernel
                self.close()
                return None
            if self.ready(km):
                return km
            self.discard(km)
        return None

    @staticmethod
    def discard(km) -> None:
        """Shut a kernel down at once, stop the channels of every client made for it (threads and
        ZMQ contexts that would otherwise outlive it, a few per report), and free its ports and
        connection file."""
        from jupyter_core.utils import run_sync
        for kc in getattr(km, CLIENTS, ()):
            try:
                if kc.channels_running:
                    kc.stop_channels()
            except Exception:
                pass
        try:
            if run_sync(km.is_alive)():
                run_sync(km.shutdown_kernel)(now=True)
        except Exception:
            pass
        try:
            run_sync(km.cleanup_resources)()
        except Exception:
            pass

    def close(self) -> None:
        while self.waiting:
            self.discard(self.waiting.pop())
        if self.zygote is not None:
            self.zygote.close()
            self.zygote = None


_POOLS: dict[tuple, KernelPool] = {}


def pool_for(kernel_name: str, extra_arguments: list[str], cwd: str) -> KernelPool:
    key = (kernel_name, tuple(extra_arguments), str(cwd), preload_enabled(), mode())
    if key not in _POOLS:
        if not _POOLS:
            atexit.register(close_all)
        _POOLS[key] = KernelPool(kernel_name, extra_arguments, str(cwd))
    return _POOLS[key]


def close_all() -> None:
    for p in _POOLS.values():
        p.close()
    _POOLS.clear()


class Lease:
    """One report's use of the pool, for finsam.site.render.run_job::

        lease = Lease(KERNEL, KERNEL_ARGS, cwd)
        try:
            nb = papermill.execute_notebook(..., **lease.kwargs())
        finally:
            lease.release()

    ``kwargs()`` takes a started kernel (or returns ``{}`` when the pool is off); ``release()``
    shuts that kernel down, whatever happened to it."""

    def __init__(self, kernel_name: str, extra_arguments: list[str], cwd: str):
        self.args = (kernel_name, list(extra_arguments), str(cwd))
        self.km = None

    def kwargs(self) -> dict:
        if not enabled():
            return {}
        self.km = pool_for(*self.args).take()
        return {"km": self.km} if self.km is not None else {}

    def release(self) -> None:
        if self.km is not None:
            KernelPool.discard(self.km)
            self.km = None
