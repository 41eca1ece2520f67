"""Kernels forked from a process that has already imported the libraries (a "zygote").

Starting a report's kernel used to cost a new Python process importing ipykernel, pandas,
matplotlib, scipy and finsam: most of a report's floor. The zygote does those imports once; each
kernel is then a ``fork()`` of it that becomes an ``IPKernelApp`` with the connection file the
kernel manager wrote. The zygote never runs a report's code, so every kernel starts from the same
clean state, in a process of its own (its own session, like a kernel jupyter_client launches):
state set by one report cannot reach another, and a kernel that crashes takes nothing else down.

The hook is jupyter_client's kernel provisioner: :class:`ZygoteProvisioner` replaces the local
provisioner's ``launch_kernel`` (a Popen of ``python -m ipykernel_launcher``) by a request to the
zygote, and hands the kernel manager a process handle with Popen's interface. Everything else
(connection file, ports, shutdown, restart logic) is the local provisioner's.

Protocol: the zygote reads one JSON request a line on stdin ``{"argv": [...], "env": {...},
"cwd": "..."}`` and answers one line ``{"pid": N}`` on stdout. It exits when stdin closes (its
render worker is gone); it reaps its children so that ended kernels leave no zombies.
"""
from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
import threading
import time

#: what a report imports first (finsam.stats.inference imports scipy.stats and statsmodels when first used)
LIBRARIES = ("pandas", "numpy", "matplotlib", "matplotlib.figure", "matplotlib.backends.backend_agg",
             "matplotlib.backends.backend_svg", "scipy.stats", "statsmodels.stats.proportion",
             "statsmodels.stats.power", "statsmodels.stats.contingency_tables", "statsmodels.stats.meta_analysis",
             "pandas.io.formats.html", "pandas.io.formats.string", "PIL.PngImagePlugin", "PIL.BmpImagePlugin",
             "PIL.GifImagePlugin", "PIL.JpegImagePlugin", "PIL.PpmImagePlugin",
             "finsam", "finsam.views.outputs", "finsam.views.plotting", "finsam.views.figure_source")
#: what a kernel imports while it starts (IPKernelApp.initialize: the kernel, its shell and its
#: debugger, which brings debugpy: about 0.15 s of CPU per kernel when each kernel imports it)
KERNEL_MODULES = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.debugger",
                  "IPython.core.logger")
#: imported once by the zygote, before any kernel is forked
PRELOAD = (*KERNEL_MODULES, *LIBRARIES)


# ---------------------------------------------------------------------------- zygote side
def _reap(signum=None, frame=None) -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _child(req: dict) -> None:
    """In the forked process: become the kernel. Never returns."""
    code = 1
    try:
        os.setsid()  # a session of its own, like a kernel jupyter_client starts
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 0)  # not the zygote's request pipe
        os.dup2(devnull, 1)  # nor its answer pipe
        os.close(devnull)
        os.chdir(req["cwd"])
        os.environ.clear()
        os.environ.update(req["env"])
        # ipykernel reads JPY_PARENT_PID when it is imported (in the zygote, before this fork), so the
        # parent to watch is given explicitly: the kernel ends when its zygote does (the zygote ends
        # when its render worker does), and no kernel outlives the render that started it
        argv = [*req["argv"][1:], f"--IPKernelApp.parent_handle={os.getppid()}"]
        sys.argv = [req["argv"][0], *argv]
        from ipykernel.kernelapp import IPKernelApp
        IPKernelApp.launch_instance(argv=argv)
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 0
    except BaseException:
        import traceback
        traceback.print_exc()
    finally:
        os._exit(code)


def _preload_tables() -> None:
    """Read the curated tables once (from the disk cache the render's validation left), so that
    every kernel forked from here finds them in ``finsam.load``'s memo instead of reading the
    cache again, with the index of each association's rows that ``select`` uses: about 0.5 s of
    CPU per page at the national scale (490 000 rows), 0.02 s for the four real associations. The memo is keyed by the data folder and its files' size and
    modification time, so a kernel whose data differ (another folder, an edited file) reads its own."""
    import importlib
    try:  # by name, like PRELOAD: the zygote preloads finsam as a library, not as a layer it builds on
        tables = importlib.import_module("finsam.data.load").load()
        importlib.import_module("finsam.data.tables").prepare(tables)
    except Exception:  # noqa: BLE001 - bad data: the page's own load() says what is wrong, in the page
        pass


def main() -> None:
    # the backend a kernel sets before its first import of matplotlib (ipykernel's init_gui_pylab)
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    import importlib
    for m in PRELOAD:
        importlib.import_module(m)
    _preload_tables()
    # what is loaded so far is the kernels' shared, read-mostly start: kept out of the garbage
    # collector's reach, a kernel's collections do not write to (and so copy) every page of it
    gc.collect()
    gc.freeze()
    signal.signal(signal.SIGCHLD, _reap)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the render decides what an interrupt means
    out = sys.stdout
    out.write(json.dumps({"ready": os.getpid()}) + "\n")
    out.flush()
    for line in sys.stdin:
        req = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(req)
        out.write(json.dumps({"pid": pid}) + "\n")
        out.flush()


# ---------------------------------------------------------------------------- client side
class Zygote:
    """A zygote process owned by this (render worker) process."""

    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, "-m", "finsam.site.kernelzygote"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1)
        self.lock = threading.Lock()
        self._ready = False

    def fork(self, argv: list[str], env: dict, cwd: str) -> int:
        with self.lock:
            if not self._ready:
                hello = self.proc.stdout.readline()
                if not hello:
                    raise RuntimeError("the kernel zygote ended before it was ready")
                self._ready = True
            self.proc.stdin.write(json.dumps({"argv": argv, "env": env, "cwd": str(cwd)}) + "\n")
            self.proc.stdin.flush()
            answer = self.proc.stdout.readline()
        if not answer:
            raise RuntimeError("the kernel zygote ended")
        return json.loads(answer)["pid"]

    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self) -> None:
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class ForkedProcess:
    """Popen's interface for a kernel forked by the zygote (a child of the zygote, not of us)."""

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None

    def poll(self):
        if self.returncode is None:
            import psutil
            try:
                if psutil.Process(self.pid).status() == psutil.STATUS_ZOMBIE:
                    self.returncode = -1
            except psutil.NoSuchProcess:
                self.returncode = -1  # reaped by the zygote: the exit status is not ours to know
        return self.returncode

    def wait(self, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.02)
        return self.returncode

    def send_signal(self, sig) -> None:
        if self.poll() is None:
            os.kill(self.pid, sig)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


def provisioner_class():
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    class ZygoteProvisioner(LocalProvisioner):
        """The local provisioner, launching kernels by forking the zygote."""
        zygote = None  # set by the pool before start_kernel

        async def launch_kernel(self, cmd, **kwargs):
            env = kwargs.get("env") or dict(os.environ)
            cwd = kwargs.get("cwd") or os.getcwd()
            # cmd is [python, -m, ipykernel_launcher, -f, <connection file>, ...]
            if len(cmd) < 3 or cmd[1] != "-m":
                raise RuntimeError(f"cannot fork a kernel for command {cmd!r}")
            pid = self.zygote.fork([cmd[2], *cmd[3:]], dict(env), str(cwd))
            self.process = ForkedProcess(pid)
            self.pid = pid
            self.pgid = pid  # the child called setsid()
            self.cwd = cwd
            return self.connection_info

    return ZygoteProvisioner


if __name__ == "__main__":
    main()
