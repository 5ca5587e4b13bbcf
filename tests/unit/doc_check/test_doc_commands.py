# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""tests/doc_check: the commands and file names the guides show exist (make targets, paths, playbooks, retry files,
tests/run stages), on this repository's guides and on a small repository with one guide of known mistakes."""

from __future__ import annotations

from pathlib import Path

from doc_check.commands import check

REPO = Path(__file__).resolve().parents[3]

GUIDE = '''# Guide

```sh
make demo            # fine
make demo-fast       # no such target
EMULATOR_PORT=8090 make emulator
ansible-playbook -i playbooks/inventory playbooks/flex_a2p.yml --check --diff
ansible-playbook -i playbooks/inventory playbooks/missing.yml && bash scripts/nothing
ansible-playbook -i inventory tendlc.twilio.flex_a2p     # the reader's inventory: not checked
ansible-playbook -i inventory tendlc.twilio.rollout
tests/run unit lint
bash tests/run unit smoke
```

```console
$ .venv/bin/python tests/emulator --seed playbooks/emulator/seed.yml \\
    --log /tmp/requests.jsonl
tendlc-twilio-emulator listening on http://127.0.0.1:43117 playbooks/printed-output-is-not-checked.yml
```

Retry with `--limit @.build/retry/flex_a2p.retry`, not `--limit @playbooks/flex_a2p.retry`,
nor `--limit @.build/retry/audit.retry`. Patterns are not files: `playbooks/inventory/host_vars/<account>.yml`,
`playbooks/*.tar.gz`, `tests/integration/test_x.py::test_y` (a pytest ID), `.build/demo/a2p-audit.html` (generated).
A [link](other.md), a [broken link](nowhere.md#anchor), [a page](https://example.com/x.md), [an anchor](#guide).
`make test   # every stage of tests/run: unit, lint`, `make lint  # tests/run: lint, unit`.
'''


def small_repo(root: Path) -> Path:
    files = {
        "Makefile": "demo: setup\n\t@true\nemulator:\n\t@true\nsetup:\n\t@true\ntest lint: setup\n\t@true\n",
        "tests/run": "#!/usr/bin/env bash\nall_stages=(unit lint)\n",
        "tests/emulator/__main__.py": "",
        "scripts/demo": "#!/usr/bin/env bash\n",
        "tests/integration/test_x.py": "",
        "ansible.cfg": "[defaults]\nretry_files_enabled = true\nretry_files_save_path = .build/retry\n",
        "playbooks/flex_a2p.yml": "---\n",
        "playbooks/emulator/seed.yml": "accounts: []\n",
        "playbooks/inventory/hosts.yml": "---\n",
        "README.md": "# Small\n\n`make demo`\n",
        "docs/guide.md": GUIDE,
        "docs/other.md": "# Other\n",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_this_repositorys_guides_show_only_commands_and_files_that_exist():
    assert [str(problem) for problem in check(REPO)] == []


def test_each_kind_of_mistake_is_found_where_it_is_and_nothing_else_is(tmp_path):
    found = {(problem.doc, problem.line, problem.text) for problem in check(small_repo(tmp_path))}
    assert found == {
        ("docs/guide.md", 5, "make demo-fast: no such target in the Makefile"),
        ("docs/guide.md", 8, "playbooks/missing.yml does not exist"),
        ("docs/guide.md", 8, "scripts/nothing does not exist"),
        ("docs/guide.md", 10, "tendlc.twilio.rollout: the collection has no playbook playbooks/rollout.yml"),
        ("docs/guide.md", 12, "tests/run smoke: no such stage (unit lint)"),
        ("docs/guide.md", 21, "@playbooks/flex_a2p.retry: ansible.cfg saves retry files in .build/retry/"),
        ("docs/guide.md", 22, "@.build/retry/audit.retry: no playbook playbooks/audit.yml writes it"),
        ("docs/guide.md", 24, "link nowhere.md does not resolve"),
        ("docs/guide.md", 25, "tests/run: lint, unit is not tests/run's stages: unit, lint"),
    }


def test_retry_files_need_ansible_cfg_to_enable_them(tmp_path):
    root = small_repo(tmp_path)
    (root / "ansible.cfg").write_text("[defaults]\ncollections_path = .build/collections\n", encoding="utf-8")
    found = [problem.text for problem in check(root) if "retry" in problem.text]
    assert found == ["@.build/retry/flex_a2p.retry: ansible.cfg does not enable retry files",
                     "@playbooks/flex_a2p.retry: ansible.cfg does not enable retry files",
                     "@.build/retry/audit.retry: ansible.cfg does not enable retry files"]
