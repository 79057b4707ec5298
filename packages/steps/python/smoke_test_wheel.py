"""Loads an installed integration the way the Agent's embedded Python does, and says what went wrong.

Usage: smoke_test_wheel.py <integration> <conf.yaml.example path>
Prints one JSON object: {"ok": bool, "check_class": str, "error": str}.
"""

import importlib
import inspect
import json
import pkgutil
import sys
import traceback


def find_check_class(package):
    from datadog_checks.base import AgentCheck

    modules = [package]
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):
        if '.tests' in info.name or info.name.endswith('config_models'):
            continue
        try:
            modules.append(importlib.import_module(info.name))
        except Exception:
            continue
    for module in modules:
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, AgentCheck) and value is not AgentCheck and value.__module__.startswith(package.__name__):
                return value
    return None


def main(integration, example_path):
    try:
        package = importlib.import_module('datadog_checks.' + integration)
    except Exception as error:
        return {'ok': False, 'error': 'import datadog_checks.{} failed: {}: {}'.format(integration, type(error).__name__, error)}
    check_class = find_check_class(package)
    if check_class is None:
        return {'ok': False, 'error': 'no AgentCheck subclass in datadog_checks.' + integration}
    try:
        import yaml

        with open(example_path) as f:
            example = yaml.safe_load(f) or {}
        instances = example.get('instances') or [{}]
        check = check_class(integration, example.get('init_config') or {}, [instances[0]])
    except Exception as error:
        last = traceback.format_exc().strip().splitlines()[-1]
        return {'ok': False, 'check_class': check_class.__name__, 'error': 'instantiating {} failed: {}'.format(check_class.__name__, last or error)}
    return {'ok': True, 'check_class': '{}.{}'.format(check_class.__module__, check_class.__name__), 'check_name': check.name}


if __name__ == '__main__':
    print(json.dumps(main(sys.argv[1], sys.argv[2])))
