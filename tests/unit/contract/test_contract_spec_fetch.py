# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""spec_fetch: pinned integrity, safe extraction, no-op when cached; one real fetch through npm."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from contract import spec_fetch
from contract.spec_fetch import (
    MARKER_NAME, PINNED_INTEGRITY, SpecFetchError, SpecIntegrityError, extract_specs, fetch_spec, integrity_of, is_cached, verify_tarball,
)

SPEC_JSON = b'{"openapi": "3.0.1", "paths": {}}'
PRODUCT_SPEC_FILES = ("twilio_messaging_v1.json", "twilio_api_v2010.json", "twilio_flex_v1.json",
                      "twilio_conversations_v1.json", "twilio_proxy_v1.json", "twilio_trusthub_v1.json")


def _add(archive: tarfile.TarFile, name: str, data: bytes = SPEC_JSON, kind: bytes = tarfile.REGTYPE, link: str = "") -> None:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    archive.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)


def _tarball(path: Path, spec_body: bytes = SPEC_JSON) -> Path:
    """A package tarball with one spec file and members that must never be extracted."""
    with tarfile.open(path, "w:gz") as archive:
        _add(archive, "package/package.json", b"{}")
        _add(archive, "package/twilio-oai/spec/json/twilio_messaging_v1.json", spec_body)
        _add(archive, "package/twilio-oai/spec/json/../../../../escaped.json")
        _add(archive, "package/twilio-oai/spec/json/sub/twilio_nested_v1.json")
        _add(archive, "/tmp/twilio_absolute_v1.json")
        _add(archive, "package/twilio-oai/spec/json/twilio_link_v1.json", kind=tarfile.SYMTYPE, link="/etc/passwd")
        _add(archive, "package/twilio-oai/spec/json/notes.txt", b"not a spec")
    return path


def _fake_npm(tmp_path: Path, serve: Path, exit_code: int = 0) -> tuple[str, Path]:
    """An ``npm`` stand-in that copies ``serve`` into --pack-destination and logs each call."""
    calls = tmp_path / "npm-calls.log"
    script = tmp_path / "fake-npm"
    script.write_text(
        f"#!{sys.executable}\n"
        "import shutil, sys\n"
        f"open({str(calls)!r}, 'a').write(' '.join(sys.argv[1:]) + '\\n')\n"
        f"if {exit_code}:\n"
        "    sys.stderr.write('npm error 404 Not Found\\n')\n"
        f"    sys.exit({exit_code})\n"
        "dest = sys.argv[sys.argv.index('--pack-destination') + 1]\n"
        f"shutil.copy({str(serve)!r}, dest + '/twilio-alpha-mcp-0.7.0.tgz')\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script), calls


def _call_count(calls: Path) -> int:
    return len(calls.read_text(encoding="utf-8").splitlines()) if calls.exists() else 0


def test_verify_tarball_rejects_a_tampered_file(tmp_path: Path) -> None:
    tarball = _tarball(tmp_path / "mcp.tgz")
    verify_tarball(tarball, integrity_of(tarball))
    data = bytearray(tarball.read_bytes())
    data[len(data) // 2] ^= 0x01
    tarball.write_bytes(bytes(data))
    with pytest.raises(SpecIntegrityError, match="failed its integrity check"):
        verify_tarball(tarball, PINNED_INTEGRITY)
    with pytest.raises(SpecIntegrityError):
        verify_tarball(tarball, integrity_of(_tarball(tmp_path / "original.tgz")))


def test_extract_writes_only_spec_json_files_inside_dest(tmp_path: Path) -> None:
    dest = tmp_path / "cache" / "json"
    files = extract_specs(_tarball(tmp_path / "mcp.tgz"), dest)
    assert list(files) == ["twilio_messaging_v1.json"]
    assert sorted(path.name for path in dest.iterdir()) == ["twilio_messaging_v1.json"]
    assert not (tmp_path / "escaped.json").exists()
    assert not Path("/tmp/twilio_absolute_v1.json").exists()


def test_fetch_verifies_extracts_and_is_then_a_no_op(tmp_path: Path) -> None:
    tarball = _tarball(tmp_path / "mcp.tgz")
    npm, calls = _fake_npm(tmp_path, tarball)
    cache = tmp_path / "cache"
    spec_dir = fetch_spec(cache, integrity=integrity_of(tarball), npm=npm)
    assert spec_dir == cache / "json"
    assert (spec_dir / "twilio_messaging_v1.json").read_bytes() == SPEC_JSON
    marker = json.loads((cache / MARKER_NAME).read_text(encoding="utf-8"))
    assert marker["integrity"] == integrity_of(tarball) and list(marker["files"]) == ["twilio_messaging_v1.json"]
    assert _call_count(calls) == 1
    assert "--ignore-scripts" in calls.read_text(encoding="utf-8")

    assert fetch_spec(cache, integrity=integrity_of(tarball), npm=npm) == spec_dir
    assert _call_count(calls) == 1
    assert not list(cache.glob(".fetch-*"))


def test_fetch_refuses_a_tampered_download_and_leaves_the_cache_alone(tmp_path: Path) -> None:
    pinned = _tarball(tmp_path / "pinned.tgz")
    tampered = _tarball(tmp_path / "tampered.tgz", spec_body=b'{"openapi": "3.0.1", "paths": {"/evil": {}}}')
    npm, calls = _fake_npm(tmp_path, tampered)
    cache = tmp_path / "cache"
    with pytest.raises(SpecIntegrityError, match=integrity_of(pinned).replace("+", r"\+")):
        fetch_spec(cache, integrity=integrity_of(pinned), npm=npm)
    assert _call_count(calls) == 1
    assert not (cache / MARKER_NAME).exists()
    assert not (cache / "json").exists()


def test_a_changed_cached_file_is_fetched_again(tmp_path: Path) -> None:
    tarball = _tarball(tmp_path / "mcp.tgz")
    npm, calls = _fake_npm(tmp_path, tarball)
    cache = tmp_path / "cache"
    spec_dir = fetch_spec(cache, integrity=integrity_of(tarball), npm=npm)
    (spec_dir / "twilio_messaging_v1.json").write_bytes(b"{}")
    assert not is_cached(cache, integrity_of(tarball))
    fetch_spec(cache, integrity=integrity_of(tarball), npm=npm)
    assert _call_count(calls) == 2
    assert (spec_dir / "twilio_messaging_v1.json").read_bytes() == SPEC_JSON


def test_cache_for_another_integrity_is_not_reused(tmp_path: Path) -> None:
    tarball = _tarball(tmp_path / "mcp.tgz")
    npm, _calls = _fake_npm(tmp_path, tarball)
    cache = tmp_path / "cache"
    fetch_spec(cache, integrity=integrity_of(tarball), npm=npm)
    assert is_cached(cache, integrity_of(tarball))
    assert not is_cached(cache, PINNED_INTEGRITY)


def test_npm_failure_is_reported(tmp_path: Path) -> None:
    npm, _calls = _fake_npm(tmp_path, tmp_path / "absent.tgz", exit_code=1)
    with pytest.raises(SpecFetchError, match="404 Not Found"):
        fetch_spec(tmp_path / "cache", npm=npm)
    with pytest.raises(SpecFetchError, match="cannot run"):
        fetch_spec(tmp_path / "cache", npm=str(tmp_path / "no-such-npm"))


def test_cache_dir_defaults_to_repo_and_honours_the_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(spec_fetch.CACHE_ENV, raising=False)
    assert spec_fetch.default_cache_dir() == Path(spec_fetch.__file__).resolve().parents[2] / ".cache" / "twilio-oai"
    monkeypatch.setenv(spec_fetch.CACHE_ENV, str(tmp_path))
    assert spec_fetch.default_cache_dir() == tmp_path


def test_real_fetch_through_npm_then_offline_no_op(tmp_path: Path) -> None:
    """The project's real path: the script packs the pinned package from the npm registry."""
    script = Path(spec_fetch.__file__)
    dest = tmp_path / "specs"
    first = subprocess.run([sys.executable, str(script), "--dest", str(dest)], capture_output=True, text=True, check=False, timeout=900)
    assert first.returncode == 0, first.stderr
    spec_dir = Path(first.stdout.strip())
    assert spec_dir == dest / "json"
    for name in PRODUCT_SPEC_FILES:
        assert json.loads((spec_dir / name).read_text(encoding="utf-8"))["openapi"].startswith("3.")
    assert json.loads((dest / MARKER_NAME).read_text(encoding="utf-8"))["integrity"] == PINNED_INTEGRITY
    # No npm on PATH now: the second run must not need it.
    offline = dict(os.environ, PATH=str(tmp_path / "empty-bin"))
    second = subprocess.run([sys.executable, str(script), "--dest", str(dest)], capture_output=True, text=True, check=False, env=offline, timeout=60)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == str(spec_dir)
