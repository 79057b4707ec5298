"""The requirements an installed distribution declares for some of its extras, one per line.

Usage: requirements_of_extras.py <distribution> <extra> [<extra> ...]
Prints one JSON list of requirement strings (markers other than `extra` kept, for the installer to evaluate).
"""

import json
import sys


def main(distribution, extras):
    from importlib.metadata import requires

    from packaging.markers import Marker
    from packaging.requirements import Requirement

    found = []
    for line in requires(distribution) or []:
        requirement = Requirement(line)
        if requirement.marker is None:
            continue
        if not any(requirement.marker.evaluate({'extra': extra}) for extra in extras):
            continue
        # Keep the platform part of the marker: evaluating it with no extra tells whether it applies here.
        text = str(requirement).split(';')[0].strip()
        rest = [part.strip() for part in str(requirement.marker).split(' and ') if 'extra' not in part]
        if rest:
            try:
                text += '; ' + str(Marker(' and '.join(rest)))
            except Exception:
                pass
        if text not in found:
            found.append(text)
    return found


if __name__ == '__main__':
    print(json.dumps(main(sys.argv[1], sys.argv[2:])))
