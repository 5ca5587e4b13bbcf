# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The commands and file names the guides show (README.md, docs/*.md; not the generated docs/modules/), checked
without running anything:

- every ``make TARGET`` names a target of the Makefile;
- every path under a top-level entry of the repository (``playbooks/...``, ``scripts/...``) exists, and every
  relative Markdown link resolves;
- every playbook an ``ansible-playbook`` command runs exists, as a file or by its name in the collection
  (``tendlc.twilio.NAME`` is ``playbooks/NAME.yml``);
- a retry file given to ``--limit @FILE`` is where ansible.cfg saves retry files, for a playbook that exists;
- ``tests/run STAGE`` names stages of tests/run, and a list of "tests/run: a, b, ..." (README, Makefile) is its
  stages, in order.
"""

from __future__ import annotations

import configparser
import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
INLINE = re.compile(r"`([^`\n]+)`")
LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)]*)?\)")
STAGE_LIST = re.compile(r"tests/run: ([a-z][a-z, ]*[a-z])")
SHELL_FENCES = ("sh", "bash", "shell", "console")
OPERATORS = ("&&", "||", ";", "|", "&")
GENERATED = (".git", ".venv", ".build", ".cache", ".ansible", ".pytest_cache", ".mypy_cache", ".ruff_cache")
FQCN_PLAYBOOK = re.compile(r"^tendlc\.twilio\.(\w+)$")
# A name with one of these is a pattern or a placeholder, not a file (host_vars/<account>.yml, tendlc-twilio-*.tar.gz).
PLACEHOLDER = re.compile(r"[<>*{}$]|\.\.\.|XXX")


@dataclass(frozen=True)
class Problem:
    """One thing a guide shows that does not work."""

    doc: str
    line: int
    text: str

    def __str__(self) -> str:
        return "%s:%d: %s" % (self.doc, self.line, self.text)


class Repo:
    """What the guides may name: Makefile targets, tests/run stages, files, where ansible.cfg saves retry files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        rules = re.findall(r"^([A-Za-z0-9_. -]+):(?!=)", (root / "Makefile").read_text(encoding="utf-8"), re.M)
        self.targets = {target for rule in rules for target in rule.split()}
        run = (root / "tests" / "run").read_text(encoding="utf-8")
        found = re.search(r"^all_stages=\(([^)]*)\)", run, re.M)
        self.stages = found.group(1).split() if found else []
        self.top = {entry.name for entry in root.iterdir()} - set(GENERATED)
        self.retry_dir = retry_dir(root / "ansible.cfg")

    def is_repo_path(self, name: str) -> bool:
        """Whether NAME is meant as a path in the repository (and is not a pattern)."""
        return name.split("/", 1)[0] in self.top and not PLACEHOLDER.search(name)


def retry_dir(config_file: Path) -> str | None:
    """Where ansible.cfg makes ansible-playbook save retry files (relative to the file), or None when they are off."""
    config = configparser.ConfigParser()
    if not config.read(config_file, encoding="utf-8") or not config.getboolean("defaults", "retry_files_enabled", fallback=False):
        return None
    return config.get("defaults", "retry_files_save_path", fallback=None)


def docs(root: Path) -> list[Path]:
    return [root / "README.md"] + sorted((root / "docs").glob("*.md"))


def commands(text: str) -> list[tuple[int, str]]:
    """(line number, command) of every command in the shell blocks, continuation lines joined; console blocks: the
    lines after a '$ ' prompt."""
    found = []
    for fence in FENCE.finditer(text):
        if fence.group(1) not in SHELL_FENCES:
            continue
        first = text.count("\n", 0, fence.start(2)) + 1
        pending, start = "", 0
        for offset, raw in enumerate(fence.group(2).splitlines()):
            line = raw.strip()
            if not pending:
                start = first + offset
                if fence.group(1) == "console":
                    if not line.startswith("$ "):
                        continue
                    line = line[2:]
            if line.endswith("\\"):
                pending += line[:-1] + " "
                continue
            if pending + line:
                found.append((start, pending + line))
            pending = ""
    return found


def words(command: str) -> list[list[str]]:
    """The simple commands of a command line (split at &&, ||, ;, | and & written apart), each as its words, leading
    VAR=value assignments dropped; comments go."""
    try:
        tokens = shlex.split(command, comments=True)
    except ValueError:
        return []
    simple, current = [], []
    for token in tokens + [";"]:
        if token in OPERATORS:
            while current and re.match(r"^[A-Z_][A-Z0-9_]*=", current[0]):
                current.pop(0)
            if current:
                simple.append(current)
            current = []
        else:
            current.append(token)
    return simple


def check_path(repo: Repo, name: str) -> str | None:
    name = name.rstrip(".,;:)").split("::", 1)[0]
    if repo.is_repo_path(name) and not (repo.root / name).exists():
        return "%s does not exist" % name
    return None


def check_retry(repo: Repo, token: str) -> str | None:
    token = token.split("=", 1)[-1] if token.startswith("--limit=") else token
    if not (token.startswith("@") and token.endswith(".retry")):
        return None
    path = token[1:]
    if repo.retry_dir is None:
        return "%s: ansible.cfg does not enable retry files" % token
    directory, name = os.path.split(path)
    if directory.rstrip("/") != repo.retry_dir.rstrip("/"):
        return "%s: ansible.cfg saves retry files in %s/" % (token, repo.retry_dir)
    if not (repo.root / "playbooks" / (name[:-len(".retry")] + ".yml")).is_file():
        return "%s: no playbook playbooks/%s.yml writes it" % (token, name[:-len(".retry")])
    return None


def check_command(repo: Repo, argv: list[str]) -> list[str]:
    """Problems of one simple command."""
    program = argv[0].rsplit("/", 1)[-1]
    problems = [problem for word in argv for problem in (check_path(repo, word), check_retry(repo, word)) if problem]
    if program == "make":
        problems += ["make %s: no such target in the Makefile" % word for word in argv[1:]
                     if not word.startswith("-") and "=" not in word and word not in repo.targets]
    elif program == "ansible-playbook":
        for word in argv[1:]:
            fqcn = FQCN_PLAYBOOK.match(word)
            if fqcn and not (repo.root / "playbooks" / (fqcn.group(1) + ".yml")).is_file():
                problems.append("%s: the collection has no playbook playbooks/%s.yml" % (word, fqcn.group(1)))
    elif "tests/run" in argv[:2]:
        stages = argv[argv.index("tests/run") + 1:]
        problems += ["tests/run %s: no such stage (%s)" % (stage, " ".join(repo.stages)) for stage in stages if stage not in repo.stages]
    return problems


def check_text(repo: Repo, doc: str, text: str) -> list[Problem]:
    """Every problem of one guide."""
    problems = []
    for line, command in commands(text):
        for argv in words(command):
            problems += [Problem(doc, line, message) for message in check_command(repo, argv)]
    for number, raw in enumerate(text.splitlines(), 1):
        for span in INLINE.findall(raw):
            for argv in words(span):
                problems += [Problem(doc, number, message) for message in check_command(repo, argv)]
        for target in LINK.findall(raw):
            if "://" not in target and not (repo.root / doc).parent.joinpath(target).exists():
                problems.append(Problem(doc, number, "link %s does not resolve" % target))
        for listed in STAGE_LIST.findall(raw):
            names = [name for name in re.split(r"[, ]+", listed) if name]
            if names != repo.stages:
                problems.append(Problem(doc, number, "tests/run: %s is not tests/run's stages: %s" % (", ".join(names), ", ".join(repo.stages))))
    return list(dict.fromkeys(problems))


def check(root: Path) -> list[Problem]:
    """Every problem of README.md, docs/*.md and the Makefile's help."""
    repo = Repo(root)
    problems = []
    for path in docs(root):
        problems += check_text(repo, str(path.relative_to(root)), path.read_text(encoding="utf-8"))
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    problems += [problem for problem in check_text(repo, "Makefile", makefile) if "stages" in problem.text]
    return problems
