"""Which wheel tags this interpreter installs, as packaging (the library pip and uv's rules come from) says.

Usage: supported_wheel_tags.py
Prints one JSON object: {"description": "CPython 3.13 on linux x86_64", "tags": ["cp313-cp313-manylinux_2_39_x86_64", ...]}
or {"error": "..."} when neither packaging nor pip's copy of it can be imported.
"""

import json
import platform
import sys


def sys_tags():
    try:
        from packaging.tags import sys_tags as found
    except ImportError:
        from pip._vendor.packaging.tags import sys_tags as found
    return found()


def main():
    try:
        tags = [str(tag) for tag in sys_tags()]
    except ImportError as error:
        return {'error': 'neither packaging nor pip is importable in {}: {}'.format(sys.executable, error)}
    description = '{} {}.{} on {} {}'.format(
        platform.python_implementation(), sys.version_info[0], sys.version_info[1], sys.platform, platform.machine()
    )
    return {'description': description, 'tags': tags}


if __name__ == '__main__':
    print(json.dumps(main()))
