"""Kill a process and every process it started, as a crash of the machine running ansible-playbook would.

Killing ansible-playbook's process group is not enough: Ansible's worker processes call setsid() (their own session
and group), and the module processes they start run in the workers' groups. Left alive, a module that is adding 100
numbers to a pool goes on writing after its playbook "died", racing the re-run. So the whole tree is frozen (SIGSTOP,
until no new child appears), then killed (SIGKILL), process group included. Only descendants of the given process
are touched.
"""

from __future__ import annotations

import collections
import os
import signal
import time
from pathlib import Path


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = collections.defaultdict(list)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="utf-8")
        except OSError:
            continue
        children[int(stat.rsplit(")", 1)[1].split()[1])].append(int(entry.name))
    return children


def descendants(root: int) -> list[int]:
    """Every live process below root, by parent links in /proc."""
    children, found, stack = _children(), [], [root]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass


def alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        return (Path("/proc/%d/stat" % pid).read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0]) != "Z"
    except OSError:
        return False


def kill_tree(root: int) -> list[int]:
    """SIGKILL root (a process group leader), its group and every descendant; returns the descendants killed."""
    frozen: set[int] = set()
    _signal(root, signal.SIGSTOP)
    while True:
        new = [pid for pid in descendants(root) if pid not in frozen]
        if not new:
            break
        for pid in new:
            _signal(pid, signal.SIGSTOP)
            frozen.add(pid)
    try:
        os.killpg(root, signal.SIGKILL)
    except ProcessLookupError:
        pass
    for pid in frozen | {root}:
        _signal(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in frozen) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in frozen if alive(pid)], "processes survived SIGKILL"
    return sorted(frozen)
