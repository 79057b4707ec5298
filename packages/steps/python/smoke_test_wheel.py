"""Loads an installed integration the way the Agent's embedded Python does, and says what went wrong.

Usage: smoke_test_wheel.py <integration> <distribution name> <conf.yaml.example path> <jmx: 0|1>
Run with the Agent's package set on sys.path and the wheel installed (--no-deps) beside it.
Prints one JSON object on its last line: {"check_class": str|null, "findings": [{rule, level, message, file?, line?}]}.

What it mirrors (datadog-agent pkg/collector/python/loader.go and rtloader/three/three.cpp):
- the module `datadog_checks.<integration>` is imported, and the check class is the first name of `dir(module)`
  that is a subclass of datadog_checks.checks.AgentCheck, is not AgentCheck itself, and has no subclasses;
- the class is called with keyword arguments name, init_config and instances=[one instance].
Sockets are refused for the whole run: a check that connects while importing or in its constructor cannot reach
the network from here (the Agent would, to a real host).
"""

import json
import os
import socket
import sys
import traceback


def refuse_network():
    def refused(*args, **kwargs):
        raise OSError('network access is disabled in the smoke test')

    socket.socket.connect = refused
    socket.socket.connect_ex = refused
    socket.getaddrinfo = refused
    socket.create_connection = refused
    socket.gethostbyname = refused


def finding(rule, level, message, location=None):
    item = {'rule': rule, 'level': level, 'message': message}
    if location:
        item['file'], item['line'] = location
    return item


def package_frame(tb, package_dir):
    """The innermost traceback frame inside the integration's package, as (path relative to site, line)."""
    found = None
    for frame in traceback.extract_tb(tb):
        path = os.path.abspath(frame.filename)
        if path.startswith(package_dir + os.sep):
            found = (os.path.relpath(path, os.path.dirname(os.path.dirname(package_dir))).replace(os.sep, '/'), frame.lineno)
    return found


def declared_requirements(distribution):
    """The wheel's own requirements, unconditional and its `deps` extra, that this environment does not satisfy."""
    try:
        from importlib.metadata import PackageNotFoundError, requires, version
        from packaging.requirements import Requirement
    except ImportError:
        return []
    unmet = []
    for line in requires(distribution) or []:
        requirement = Requirement(line)
        marker = requirement.marker
        if marker is not None and not marker.evaluate({'extra': ''}) and not marker.evaluate({'extra': 'deps'}):
            continue
        try:
            installed = version(requirement.name)
        except PackageNotFoundError:
            installed = None
        if installed is None or (requirement.specifier and not requirement.specifier.contains(installed, prereleases=True)):
            unmet.append((str(requirement), installed))
    return unmet


def agent_class(module, base):
    """rtloader's _findSubclassOf: dir() order, subclasses of base that are not base and have no subclasses."""
    for name in dir(module):
        value = getattr(module, name, None)
        if not isinstance(value, type) or not issubclass(value, base) or value is base:
            continue
        if value.__subclasses__():
            continue
        return value
    return None


def classes_in_submodules(package, base):
    import importlib
    import pkgutil

    found = []
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):
        if '.tests' in info.name or info.name.endswith('config_models') or '.config_models.' in info.name:
            continue
        try:
            module = importlib.import_module(info.name)
        except Exception:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, base) and value is not base and value.__module__ == info.name:
                found.append(value)
    return found


def instantiate(check_class, integration, example_path):
    import yaml

    with open(example_path) as f:
        example = yaml.safe_load(f) or {}
    instances = example.get('instances') or [{}]
    return check_class(name=integration, init_config=example.get('init_config') or {}, instances=[instances[0]])


def main(integration, distribution, example_path, jmx):
    import importlib
    import importlib.util

    findings = []
    unmet = declared_requirements(distribution)
    for requirement, installed in unmet:
        has = 'version ' + installed if installed else 'no such package'
        if requirement.replace('_', '-').lower().startswith('datadog-checks-base'):
            why = '`datadog-agent integration install` refuses a wheel whose datadog-checks-base requirement the Agent\'s base does not meet: lower the requirement, or say which Agent version it needs.'
        else:
            why = 'the Agent installs a check with --no-deps, so users would have to add it to the Agent\'s embedded Python themselves.'
        findings.append(
            finding(
                'agent-dependency',
                'warning',
                '{} requires {}, but the Agent package set has {}: {}'.format(distribution, requirement, has, why),
            )
        )

    refuse_network()
    module_name = 'datadog_checks.' + integration
    spec = importlib.util.find_spec(module_name)
    if spec is None or not spec.origin:
        findings.append(finding('import', 'error', 'The wheel did not install the package {}.'.format(module_name)))
        return {'check_class': None, 'findings': findings}
    package_dir = os.path.dirname(os.path.abspath(spec.origin))
    try:
        module = importlib.import_module(module_name)
    except Exception as error:
        where = package_frame(error.__traceback__, package_dir)
        missing = getattr(error, 'name', None)
        if isinstance(error, ModuleNotFoundError) and missing and missing.startswith('datadog_checks.base'):
            findings.append(
                finding(
                    'agent-import',
                    'error',
                    '{}{} imports {}, which the Agent\'s datadog-checks-base does not have: the Agent will fail to load the check. '
                    'Use what the Agent\'s base provides, or require the Agent version whose base has it.'.format(
                        where[0] if where else module_name, ':{}'.format(where[1]) if where else '', missing
                    ),
                    where,
                )
            )
        elif isinstance(error, ModuleNotFoundError) and missing and not missing.startswith(module_name):
            at = '{}{}'.format(where[0] if where else module_name, ':{}'.format(where[1]) if where else '')
            declared = [requirement for requirement, installed in unmet if installed is None]
            if declared:
                # The module may come from a requirement the wheel declares: documented, if not shipped.
                findings.append(
                    finding(
                        'agent-import',
                        'warning',
                        '{} imports {}, which the Agent does not ship; the wheel declares {}, which the Agent does not install (it installs checks with --no-deps). '
                        'The check loads only after users install it into the Agent\'s embedded Python: say so in the README, or use a package the Agent ships.'.format(
                            at, missing, ', '.join(declared)
                        ),
                        where,
                    )
                )
            else:
                findings.append(
                    finding(
                        'agent-import',
                        'error',
                        '{} imports {}, which the Agent does not ship and the wheel does not declare: the Agent will fail to load the check (ModuleNotFoundError). '
                        'Use a package the Agent ships, or vendor the code.'.format(at, missing),
                        where,
                    )
                )
        else:
            last = traceback.format_exception_only(type(error), error)[-1].strip()
            findings.append(finding('import', 'error', 'import {} failed: {}'.format(module_name, last), where))
        return {'check_class': None, 'findings': findings}

    try:
        from datadog_checks.checks import AgentCheck
    except ImportError:
        from datadog_checks.base import AgentCheck

    check_class = agent_class(module, AgentCheck)
    if check_class is None:
        if jmx:
            return {'check_class': None, 'jmx': True, 'findings': findings}
        elsewhere = classes_in_submodules(module, AgentCheck)
        if elsewhere:
            first = elsewhere[0]
            init = 'datadog_checks/{}/__init__.py'.format(integration)
            findings.append(
                finding(
                    'check-not-exported',
                    'error',
                    '{}.{} subclasses AgentCheck but {} does not export it: the Agent only looks for the check class among the names of datadog_checks.{}. '
                    'Add `from .{} import {}` and list it in __all__.'.format(
                        first.__module__, first.__name__, init, integration, first.__module__.rsplit('.', 1)[-1], first.__name__
                    ),
                    (init, 1),
                )
            )
        else:
            findings.append(
                finding(
                    'no-check-class',
                    'error',
                    'No AgentCheck subclass in datadog_checks.{}: the Agent cannot load a check from it.'.format(integration),
                )
            )
        return {'check_class': None, 'findings': findings}

    qualified = '{}.{}'.format(check_class.__module__, check_class.__name__)
    try:
        instantiate(check_class, integration, example_path)
    except Exception as error:
        last = traceback.format_exception_only(type(error), error)[-1].strip()
        findings.append(
            finding(
                'instantiate',
                'warning',
                '{} could not be created with the first instance of conf.yaml.example and no network: {}. '
                'The example\'s placeholders are not a real configuration; a constructor should not connect (do it in check()).'.format(
                    check_class.__name__, last
                ),
            )
        )
    return {'check_class': qualified, 'findings': findings}


if __name__ == '__main__':
    try:
        result = main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == '1')
    except Exception:
        result = {'check_class': None, 'findings': [finding('smoke-test', 'error', traceback.format_exc().strip().splitlines()[-1])]}
    sys.stdout.flush()
    print('\n' + json.dumps(result))
