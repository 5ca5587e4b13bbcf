# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Fetch Twilio's official OpenAPI specs, pinned and verified, into a local cache.

The specs come from the npm package ``@twilio-alpha/mcp@0.7.0``, whose tarball holds
``package/twilio-oai/spec/json/twilio_<product>_<version>.json``. ``npm pack`` downloads it,
its sha512 must equal the integrity the registry published for that version, and only the
spec JSON files are extracted (by base name, so no member can write outside the cache).
A marker records the tarball integrity and each file's sha256: when it matches, fetching
is a no-op that needs no network.

Standard library only, so it also runs as a script::

    python tests/contract/spec_fetch.py [--dest DIR]
"""

from __future__ import annotations

import argparse
import base64
import fcntl
import hashlib
import hmac
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PINNED_PACKAGE = "@twilio-alpha/mcp@0.7.0"
PINNED_INTEGRITY = "sha512-YsUde1pMXwqHm8Cvq9JdtsyvclVCC/f/V+FmxTNN04u5Qt5aapkbQgcfqBYQ0xcmvATBNswgPDo3MPVaCtZK8Q=="
CACHE_ENV = "TENDLC_SPEC_CACHE"
SPEC_MEMBER_DIR = "package/twilio-oai/spec/json/"
SPEC_NAME = re.compile(r"^twilio_[a-z0-9_]+\.json$")
SPEC_SUBDIR = "json"
MARKER_NAME = "verified.json"


class SpecFetchError(RuntimeError):
    """The pinned spec could not be fetched or unpacked."""


class SpecIntegrityError(SpecFetchError):
    """The downloaded tarball is not the pinned one."""


def default_cache_dir() -> Path:
    """``$TENDLC_SPEC_CACHE`` if set, else ``<repo>/.cache/twilio-oai``."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / ".cache" / "twilio-oai"


def spec_dir_of(cache_dir: Path) -> Path:
    """The folder that holds the extracted ``twilio_*.json`` files."""
    return cache_dir / SPEC_SUBDIR


def integrity_of(path: Path) -> str:
    """The npm-style ``sha512-<base64>`` integrity string of a file."""
    digest = hashlib.sha512()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return "sha512-" + base64.b64encode(digest.digest()).decode("ascii")


def verify_tarball(path: Path, integrity: str) -> None:
    """Raise SpecIntegrityError unless the file's sha512 equals ``integrity``."""
    actual = integrity_of(path)
    if not hmac.compare_digest(actual, integrity):
        raise SpecIntegrityError(
            f"{path.name} failed its integrity check: expected {integrity}, got {actual}. "
            "The registry served something other than the pinned package; refusing to use it."
        )


def extract_specs(tarball: Path, dest: Path) -> dict[str, str]:
    """Write the tarball's spec JSON files into ``dest``; return {file name: sha256 hex}.

    Only regular-file members directly under SPEC_MEMBER_DIR with a ``twilio_*.json`` name are
    read, and each is written to ``dest / <base name>``: links, folders and any other path
    (absolute, ``..``) are never extracted.
    """
    dest.mkdir(parents=True, exist_ok=True)
    written: dict[str, str] = {}
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile() or not member.name.startswith(SPEC_MEMBER_DIR):
                continue
            name = member.name[len(SPEC_MEMBER_DIR):]
            if not SPEC_NAME.match(name):
                continue
            source = archive.extractfile(member)
            if source is None:
                continue
            data = source.read()
            (dest / name).write_bytes(data)
            written[name] = hashlib.sha256(data).hexdigest()
    if not written:
        raise SpecFetchError(f"{tarball.name} holds no {SPEC_MEMBER_DIR}twilio_*.json files")
    return written


def is_cached(cache_dir: Path, integrity: str = PINNED_INTEGRITY) -> bool:
    """True when the marker names ``integrity`` and every recorded file is present and unchanged."""
    try:
        marker = json.loads((cache_dir / MARKER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    files = marker.get("files") if isinstance(marker, dict) else None
    if marker.get("integrity") != integrity or not isinstance(files, dict) or not files:
        return False
    spec_dir = spec_dir_of(cache_dir)
    for name, sha256 in files.items():
        try:
            data = (spec_dir / name).read_bytes()
        except OSError:
            return False
        if hashlib.sha256(data).hexdigest() != sha256:
            return False
    return True


def npm_pack(package: str, dest: Path, npm: str = "npm") -> Path:
    """Run ``npm pack <package>`` into the empty folder ``dest``; return the tarball."""
    command = [npm, "pack", package, "--pack-destination", str(dest), "--ignore-scripts"]
    try:
        result = subprocess.run(command, cwd=dest, capture_output=True, text=True, check=False, timeout=600)
    except OSError as exc:
        raise SpecFetchError(f"cannot run {npm!r}: {exc}") from exc
    if result.returncode != 0:
        raise SpecFetchError(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.strip()}")
    tarballs = sorted(dest.glob("*.tgz"))
    if len(tarballs) != 1:
        raise SpecFetchError(f"npm pack left {len(tarballs)} tarballs in {dest}, expected 1")
    return tarballs[0]


@contextmanager
def _locked(cache_dir: Path) -> Iterator[None]:
    """Serialise fetches into one cache (parallel test workers)."""
    with (cache_dir / ".lock").open("w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def fetch_spec(cache_dir: Path | None = None, *, package: str = PINNED_PACKAGE, integrity: str = PINNED_INTEGRITY, npm: str = "npm") -> Path:
    """Make sure the pinned specs are in ``cache_dir`` and return the folder holding them.

    A no-op (no npm call) when the cache is already verified. Otherwise packs the package into
    a temporary folder, checks its integrity (SpecIntegrityError on mismatch, leaving the cache
    untouched), swaps in the freshly extracted files and writes the marker last.
    """
    cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    cache_dir.mkdir(parents=True, exist_ok=True)
    spec_dir = spec_dir_of(cache_dir)
    with _locked(cache_dir):
        if is_cached(cache_dir, integrity):
            return spec_dir
        with tempfile.TemporaryDirectory(dir=cache_dir, prefix=".fetch-") as scratch:
            scratch_dir = Path(scratch)
            pack_dir = scratch_dir / "pack"
            pack_dir.mkdir()
            tarball = npm_pack(package, pack_dir, npm)
            verify_tarball(tarball, integrity)
            files = extract_specs(tarball, scratch_dir / SPEC_SUBDIR)
            (cache_dir / MARKER_NAME).unlink(missing_ok=True)
            shutil.rmtree(spec_dir, ignore_errors=True)
            (scratch_dir / SPEC_SUBDIR).rename(spec_dir)
        marker = {"package": package, "integrity": integrity, "files": files}
        tmp_marker = cache_dir / (MARKER_NAME + ".tmp")
        tmp_marker.write_text(json.dumps(marker, indent=1, sort_keys=True), encoding="utf-8")
        tmp_marker.replace(cache_dir / MARKER_NAME)
    return spec_dir


def main(argv: list[str] | None = None) -> int:
    """Command line: fetch into --dest (default: the cache) and print the spec folder."""
    parser = argparse.ArgumentParser(description=f"Fetch and verify Twilio's OpenAPI specs from npm {PINNED_PACKAGE}.")
    parser.add_argument("--dest", type=Path, default=None, help=f"cache folder (default: ${CACHE_ENV} or <repo>/.cache/twilio-oai)")
    args = parser.parse_args(argv)
    try:
        spec_dir = fetch_spec(args.dest)
    except SpecFetchError as exc:
        print(f"spec_fetch: {exc}", file=sys.stderr)
        return 1
    print(spec_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
