"""Which lines of a requirements file this environment has, as the smoke test's Agent package set.

Usage: agent_set_report.py <requirements file>
Prints one JSON object: {"otherPlatforms": [lines whose markers exclude this interpreter],
"missing": [lines that apply here but are not installed at a matching version]}.
"""

import json
import sys


def main(path):
    try:
        from importlib.metadata import PackageNotFoundError, version
        from packaging.requirements import InvalidRequirement, Requirement
    except ImportError as error:
        return {'error': 'packaging is not importable: {}'.format(error)}
    other_platforms, missing = [], []
    with open(path) as handle:
        lines = [line.split(' #')[0].strip() for line in handle]
    for line in lines:
        if not line or line.startswith(('#', '-')):
            continue
        try:
            requirement = Requirement(line)
        except InvalidRequirement:
            missing.append(line)
            continue
        if requirement.marker is not None and not requirement.marker.evaluate():
            other_platforms.append(line)
            continue
        try:
            installed = version(requirement.name)
        except PackageNotFoundError:
            missing.append(line)
            continue
        if requirement.specifier and not requirement.specifier.contains(installed, prereleases=True):
            missing.append(line)
    return {'otherPlatforms': other_platforms, 'missing': missing}


if __name__ == '__main__':
    print(json.dumps(main(sys.argv[1])))
