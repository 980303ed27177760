"""What a server process kg starts may do: die with kg, and open no connection.

`preexec(no_network)` is run in the child between fork and exec (subprocess's
`preexec_fn`). On Linux it
- asks the kernel to kill the child when kg dies (PR_SET_PDEATHSIG), whatever kills kg:
  SIGTERM, SIGHUP, SIGKILL, a crash;
- with `no_network`, installs a seccomp filter under which connect() (and sendto() with
  an address, io_uring) fail with EPERM: the server can still accept and answer
  connections, but SPARQL `SERVICE` and `LOAD <http://…>` cannot reach any host, not the
  internet, not this machine's other services. The filter is inherited by everything the
  server runs and cannot be lifted (no_new_privs).

Elsewhere (another OS, another CPU) `supported()` is False and nothing is installed;
kg serve then relies on refusing such queries by their text alone (and says so).
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import signal
import struct
import sys

_PR_SET_PDEATHSIG = 1
_PR_SET_SECCOMP = 22
_PR_SET_NO_NEW_PRIVS = 38
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_LD_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JEQ = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JGE = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_RET = 0x06  # BPF_RET | BPF_K

#: machine -> (AUDIT_ARCH value, syscall numbers of connect, sendto, io_uring_setup)
_ARCH = {
    "x86_64": (0xC000003E, 42, 44, 425),
    "aarch64": (0xC00000B7, 203, 206, 425),
}


def supported() -> bool:
    """True when the network filter can be installed here (Linux on x86-64 or ARM64)."""
    return sys.platform.startswith("linux") and platform.machine() in _ARCH


def _filter() -> bytes:
    """The BPF program: EPERM for connect, io_uring and sendto with an address; x32
    system calls (numbers from 0x40000000) refused too; everything else allowed."""
    arch, connect, sendto, io_uring = _ARCH[platform.machine()]
    deny = _RET_ERRNO | errno.EPERM
    prog = [  # (code, jump if true, jump if false, k); jumps count the instructions skipped
        (_LD_ABS, 0, 0, 4),            # 0: the architecture
        (_JEQ, 1, 0, arch),            # 1: ours? go on : allow
        (_RET, 0, 0, _RET_ALLOW),      # 2
        (_LD_ABS, 0, 0, 0),            # 3: the system call number
        (_JGE, 9, 0, 0x40000000),      # 4: x32 -> deny
        (_JEQ, 8, 0, connect),         # 5: -> deny
        (_JEQ, 7, 0, io_uring),        # 6: -> deny
        (_JEQ, 1, 0, sendto),          # 7: -> look at its address
        (_RET, 0, 0, _RET_ALLOW),      # 8
        (_LD_ABS, 0, 0, 16 + 8 * 4),   # 9: low half of args[4], the destination address
        (_JEQ, 0, 3, 0),               # 10: not NULL -> deny
        (_LD_ABS, 0, 0, 16 + 8 * 4 + 4),  # 11: high half
        (_JEQ, 0, 1, 0),               # 12: not NULL -> deny
        (_RET, 0, 0, _RET_ALLOW),      # 13: send() on a connected socket (the server's answers)
        (_RET, 0, 0, deny),            # 14
    ]
    return b"".join(struct.pack("HBBI", *ins) for ins in prog)


def _prctl(libc, *args: int) -> None:
    if libc.prctl(*(ctypes.c_ulong(a) for a in args), ctypes.c_ulong(0), ctypes.c_ulong(0)) != 0:
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))


def preexec(no_network: bool, parent: int) -> None:
    """In the child before exec: die with `parent` (its pid); with `no_network`, no
    outgoing connections. Raises OSError when the kernel refuses (the start then fails)."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    _prctl(libc, _PR_SET_PDEATHSIG, signal.SIGKILL, 0)
    if os.getppid() != parent:  # kg died before the line above: nothing will kill us later
        os._exit(1)
    if not (no_network and supported()):
        return
    code = _filter()

    class _Prog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_char_p)]

    prog = _Prog(len(code) // 8, code)
    _prctl(libc, _PR_SET_NO_NEW_PRIVS, 1, 0)
    if libc.prctl(ctypes.c_ulong(_PR_SET_SECCOMP), ctypes.c_ulong(_SECCOMP_MODE_FILTER),
                  ctypes.byref(prog), ctypes.c_ulong(0), ctypes.c_ulong(0)) != 0:
        raise OSError(ctypes.get_errno(), "seccomp: " + os.strerror(ctypes.get_errno()))
