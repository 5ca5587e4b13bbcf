# shellcheck shell=bash
# Sourced by scripts/* and tests/run: paths and environment shared by every tool.
# Defines ROOT, VENV, BUILD and exports ANSIBLE_COLLECTIONS_PATH so that the
# working tree is importable as the collection tendlc.twilio.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
VENV="${ROOT}/.venv"
BUILD="${ROOT}/.build"
COLLECTIONS_DIR="${BUILD}/collections"
COLLECTION_LINK="${COLLECTIONS_DIR}/ansible_collections/tendlc/twilio"
export ROOT VENV BUILD COLLECTIONS_DIR COLLECTION_LINK

export ANSIBLE_COLLECTIONS_PATH="${COLLECTIONS_DIR}"
export VIRTUAL_ENV="${VENV}"
case ":${PATH}:" in
    *":${VENV}/bin:"*) ;;
    *) export PATH="${VENV}/bin:${PATH}" ;;
esac
# Keep ansible quiet and deterministic: no cows, no colour in CI logs. Retry files follow ansible.cfg (.build/retry/)
# from the repository root, so that a shell that sources this file behaves as one that ran .venv/bin/activate.
export ANSIBLE_NOCOWS=1
export ANSIBLE_LOCALHOST_WARNING=0
export ANSIBLE_INVENTORY_UNPARSED_WARNING=0
export PYTHONDONTWRITEBYTECODE=1
if [[ -n "${CI:-}" || ! -t 1 ]]; then
    export ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 PY_COLORS=0 NO_COLOR=1
fi

# log MESSAGE: a line on stderr, prefixed so it stands out among tool output.
log() { printf '==> %s\n' "$*" >&2; }
# die MESSAGE: log and exit 1.
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }
