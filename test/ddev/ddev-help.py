"""Prints, as JSON, the --help text of each ddev subcommand named on argv (JSON lists of words), all from
one process: the installed ddev's own click commands, as `ddev <words> --help` would print them. A
subcommand this ddev does not have maps to null."""
import json
import sys

import click
from ddev.cli import ddev

result = {}
for words in map(json.loads, sys.argv[1:]):
    # Once each: ddev before 17 builds create's --type choices from a generator that one rendering uses up.
    if ' '.join(words) in result:
        continue
    command, ctx = ddev, click.Context(ddev, info_name='ddev', **ddev.context_settings)
    for word in words:
        found = command.get_command(ctx, word) if isinstance(command, click.Group) else None
        if found is None:
            command = None
            break
        command, ctx = found, click.Context(found, info_name=word, parent=ctx, **found.context_settings)
    result[' '.join(words)] = None if command is None else command.get_help(ctx)
json.dump(result, sys.stdout)
