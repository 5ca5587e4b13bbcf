# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Offline stand-in for ansible-test's pip bootstrap script (get-pip.py).

ansible-test bootstraps pip into each fresh sanity virtual environment with a
get-pip.py that it downloads from ci-files.testing.ansible.com, or reads from
~/.ansible/test/cache/get_pip_<version>.py when that file exists.  Where that
host cannot be reached, scripts/sanity copies this file to that cache path.

ansible-test runs it, inside the new virtual environment, as
    python get_pip_X_Y.py --disable-pip-version-check pip==X.Y [--no-setuptools] [--no-wheel]
with a scrubbed environment (no PIP_* or SSL_* variables).  This stand-in does
the same job with the pip wheel that ships with the interpreter (ensurepip):
it installs the requested packages from the package index, trusting the
machine's CA bundle.  pip >= 24.2, once installed, uses the system trust store.
"""

from __future__ import annotations

import glob
import os
import sys

# Options of the real get-pip.py that "pip install" does not know.
GET_PIP_ONLY_OPTIONS = frozenset(('--no-setuptools', '--no-wheel'))
CA_BUNDLES = ('/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt')


def bundled_pip_wheel() -> str:
    """Return the path of the newest pip wheel bundled with this interpreter."""
    import ensurepip  # pylint: disable=import-outside-toplevel

    directories = [os.path.join(os.path.dirname(ensurepip.__file__), '_bundled'), '/usr/share/python-wheels']
    wheels = sorted(path for directory in directories for path in glob.glob(os.path.join(directory, 'pip-*.whl')))
    if not wheels:
        raise SystemExit('get-pip stand-in: no bundled pip wheel found in %s' % ', '.join(directories))
    return wheels[-1]


def pip_arguments(argv: list[str]) -> list[str]:
    """Translate get-pip.py arguments into 'pip install' arguments."""
    args = ['install', '--no-cache-dir']
    for bundle in CA_BUNDLES:
        if os.path.exists(bundle):
            args.extend(['--cert', bundle])
            break
    args.extend(arg for arg in argv if arg not in GET_PIP_ONLY_OPTIONS)
    return args


def main() -> None:
    """Install the requested packages with the bundled pip."""
    sys.path.insert(0, bundled_pip_wheel())
    from pip._internal.cli.main import main as pip_main  # pylint: disable=import-outside-toplevel,import-error

    raise SystemExit(pip_main(pip_arguments(sys.argv[1:])))


if __name__ == '__main__':
    main()
