"""`ddev` on PATH, first: hands the call to a warm ddev (ddev_server.py), or runs the real ddev when none fits.

setup-ddev writes this file as DIR/bin/ddev, behind a first line `#!<ddev's python> -IS` and two assignments
(DIRECTORY, REAL_DDEV). It runs the call in a warm ddev only when the import there read the same environment and
folder that this call has; a terminal, a missing or busy server, anything unexpected: the real ddev, as before.
"""

import json
import os
import signal
import socket
import struct
import sys
import time

# Set by the lines setup-ddev writes above this file.
DIRECTORY = globals().get('DIRECTORY', '')
REAL_DDEV = globals().get('REAL_DDEV', '')

PENDING_SECONDS = 120
STARTING_SECONDS = 30
FORWARDED = ('SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2')


def load_signature():
    """How the server hashed what its import read (ddev_signature.py beside it, in DIRECTORY); None once it is gone."""
    sys.path.insert(0, DIRECTORY)
    try:
        from ddev_signature import signature
    except ImportError:
        return None
    return signature


def classic():
    os.execv(REAL_DDEV, [REAL_DDEV] + sys.argv[1:])


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def still_importing(folder, names):
    """A server that is still importing ddev may be the one for this call: wait for it (it costs less than a start)."""
    for name in names:
        if not name.endswith('.pending'):
            continue
        path = os.path.join(folder, name)
        try:
            with open(path) as handle:
                text = handle.read().strip()
            if not text.isdigit():
                # Written just before the server was started: it is starting, unless that was long ago.
                if time.time() - os.stat(path).st_mtime < STARTING_SECONDS:
                    return True
                continue
        except OSError:
            continue
        if alive(int(text)):
            return True
    return False


def server_for(env, cwd, signature):
    folder = os.path.join(DIRECTORY, 'zygotes')
    deadline = time.monotonic() + PENDING_SECONDS
    while True:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            return None
        if not still_importing(folder, names) or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    for name in names:
        if not name.endswith('.json'):
            continue
        try:
            with open(os.path.join(folder, name)) as handle:
                record = json.load(handle)
            if record['ddev'] != REAL_DDEV or not alive(record['pid']):
                continue
            wanted = signature(record['keys'], record['everything'], env, cwd if record['cwd'] else None)
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if wanted == record['signature']:
            return record
    return None


def main():
    if not DIRECTORY or not REAL_DDEV:
        sys.exit('ddev shim: not configured (no DIRECTORY/REAL_DDEV).')
    if any(os.isatty(fd) for fd in (0, 1, 2)):
        classic()
    try:
        cwd = os.getcwd()
    except OSError:
        classic()
    env = dict(os.environ)
    signature = load_signature()
    record = None if signature is None else server_for(env, cwd, signature)
    if record is None:
        classic()
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        connection.connect(record['socket'])
        header = json.dumps({'argv': [REAL_DDEV] + sys.argv[1:], 'cwd': cwd, 'env': env})
        data = header.encode('utf-8', 'surrogateescape')
        socket.send_fds(connection, [struct.pack('!I', len(data))], [0, 1, 2])
        connection.sendall(data)
    except OSError:
        classic()

    def forward(number, _frame):
        try:
            connection.sendall((json.dumps({'kill': number}) + '\n').encode())
        except OSError:
            pass

    for name in FORWARDED:
        signal.signal(getattr(signal, name), forward)

    started = False
    pending = b''
    while True:
        try:
            data = connection.recv(4096)
        except OSError:
            data = b''
        if not data:
            if not started:
                # The server went away before the call began: nothing ran, so the real ddev runs it.
                classic()
            sys.stderr.write('ddev: the warm ddev server ended without the exit status of this call.\n')
            os._exit(1)
        pending += data
        while b'\n' in pending:
            line, pending = pending.split(b'\n', 1)
            message = json.loads(line)
            if 'pid' in message:
                started = True
            elif 'signal' in message:
                number = int(message['signal'])
                signal.signal(number, signal.SIG_DFL)
                os.kill(os.getpid(), number)
                os._exit(128 + number)
            elif 'exit' in message:
                os._exit(int(message['exit']))


main()
