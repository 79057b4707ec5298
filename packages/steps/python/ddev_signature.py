"""What a warm ddev's import depended on, as one hash: ddev_server.py records it, ddev_shim.py compares a call's.

setup-ddev writes this file beside ddev_server.py; both import it from there.
"""

import hashlib
import json

# Read by the interpreter or the C library rather than through os.environ: always part of the signature.
C_LEVEL = ('PYTHON', 'LC_', 'LANG', 'LANGUAGE', 'TZ', 'OPENSSL', 'SSL_CERT')


def signature(keys, everything, env, cwd):
    """A hash of the variables the import read (all of them when it looked at the whole environment) and its folder."""
    if everything:
        items = sorted(env.items())
    else:
        items = sorted((key, env.get(key)) for key in keys)
        items += sorted((key, value) for key, value in env.items() if key.startswith(C_LEVEL))
    items.append(('\0cwd', cwd))
    return hashlib.sha256(json.dumps(items).encode('utf-8', 'surrogateescape')).hexdigest()
