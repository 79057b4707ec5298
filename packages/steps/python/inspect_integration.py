"""Facts about integrations' Python files, read with Python's own `ast` (never regular expressions).

Usage: inspect_integration.py <integration folder> [<integration folder> ...]
Prints one JSON object: {folder: {"files": {relative path: facts}}}. One process for every integration.
Facts per file: "error" (unreadable, binary, or a syntax error with its line), or "classes" (name,
line, bases as dotted names, whether `check` is defined and async, its line and signature) and "imports"
(local alias -> fully qualified name, relative imports resolved), and "version" (for __about__.py).
"""

import ast
import json
import os
import sys

SKIP_DIRS = {'.git', '.tox', '.venv', 'venv', '__pycache__', 'node_modules', 'build', 'dist', '.eggs'}


def dotted(node):
    """`a.b.c` for a base-class expression, read in a loop: a chain thousands of attributes deep is no recursion."""
    attributes = []
    while True:
        if isinstance(node, ast.Name):
            return '.'.join([node.id] + attributes[::-1])
        if isinstance(node, ast.Attribute):
            attributes.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            return None


def signature(function):
    """Which positional calls a def accepts; None when decorated (a decorator may change it)."""
    if function.decorator_list:
        return None
    args = function.args
    positional = len(getattr(args, 'posonlyargs', [])) + len(args.args)
    return {
        'required': positional - len(args.defaults),
        'positional': None if args.vararg else positional,
        'requiredKeywordOnly': sum(1 for default in args.kw_defaults if default is None),
    }


def module_name(relative):
    parts = relative[:-3].split('/')
    if parts[-1] == '__init__':
        parts = parts[:-1]
    return '.'.join(parts)


def resolve_relative(module, level, target, is_package):
    parts = module.split('.')
    if not is_package:
        parts = parts[:-1]
    if level > 1:
        parts = parts[: len(parts) - (level - 1)]
    base = '.'.join(parts)
    if target:
        return base + '.' + target if base else target
    return base


def file_facts(path, relative):
    try:
        with open(path, 'rb') as handle:
            data = handle.read()
    except OSError as error:
        return {'error': {'kind': 'unreadable', 'message': str(error)}}
    if b'\0' in data:
        return {'error': {'kind': 'binary', 'message': 'binary content in a .py file'}}
    try:
        tree = ast.parse(data, filename=relative)
    except SyntaxError as error:
        return {'error': {'kind': 'syntax', 'message': error.msg, 'line': error.lineno or 1}}
    except (ValueError, UnicodeDecodeError) as error:
        return {'error': {'kind': 'unreadable', 'message': str(error)}}
    except (RecursionError, MemoryError):
        return {'error': {'kind': 'unreadable', 'message': 'nested too deeply for Python to parse'}}
    try:
        return tree_facts(tree, relative)
    except (RecursionError, MemoryError):
        # One pathological file is a finding on that file; the other files and integrations are still read.
        return {'error': {'kind': 'unreadable', 'message': 'nested too deeply to inspect'}}


def tree_facts(tree, relative):
    module = module_name(relative)
    is_package = relative.endswith('__init__.py')
    imports = {}
    classes = []
    version = None
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                imports[alias.asname or alias.name.split('.')[0]] = alias.name if alias.asname else alias.name.split('.')[0]
        elif isinstance(node, ast.ImportFrom):
            source = node.module or ''
            if node.level:
                source = resolve_relative(module, node.level, node.module, is_package)
            for alias in node.names:
                if alias.name != '*':
                    imports[alias.asname or alias.name] = source + '.' + alias.name if source else alias.name
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            check = None
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name == 'check':
                    check = {'line': item.lineno, 'async': isinstance(item, ast.AsyncFunctionDef), 'signature': signature(item)}
            classes.append({'name': node.name, 'line': node.lineno, 'bases': [dotted(base) for base in node.bases], 'check': check})
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id == '__version__':
                    value = node.value
                    version = {'line': node.lineno, 'value': value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None}
    return {'module': module, 'classes': classes, 'imports': imports, 'version': version}


def integration_facts(folder):
    files = {}
    for directory, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith('.'))
        for name in sorted(names):
            if name.endswith('.py'):
                path = os.path.join(directory, name)
                relative = os.path.relpath(path, folder).replace(os.sep, '/')
                files[relative] = file_facts(path, relative)
    return {'files': files}


if __name__ == '__main__':
    print(json.dumps({folder: integration_facts(folder) for folder in sys.argv[1:]}))
