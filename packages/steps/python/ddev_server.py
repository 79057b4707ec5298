"""A warm ddev: imports ddev once, then runs each `ddev ...` call in a fork of itself.

Usage: <ddev's python> ddev_server.py DIR REAL_DDEV ID

ddev spends most of a short command importing itself (~1.8 s of CPU before it reads its arguments). This process
does that import once, in the environment and folder the calls will have, then listens on DIR/zygotes/ID.sock. The
`ddev` shim (ddev_shim.py, first on PATH) connects, hands over its stdin/stdout/stderr, arguments, folder and
environment, and waits: a fork of this process becomes that call's ddev, exactly as `REAL_DDEV args` would have run
(the console script's `sys.exit(main())`, the same interpreter, its own session and process group), and its exit
status goes back to the shim, which exits with it.

What the import read (environment variables, the current folder) is recorded in DIR/zygotes/ID.json as a hash of
their values: the shim only uses this process for a call whose values are the same, and runs the real ddev for any
other — so a call never sees module state that a fresh ddev would have set up differently.
"""

import gc
import json
import os
import select
import signal
import socket
import struct
import sys
import tempfile
import time

from ddev_signature import signature

IDLE_SECONDS = 15 * 60


class ImportWitness:
    """Records the environment variables and whether the current folder are read while ddev imports."""

    def __init__(self):
        self.keys = set()
        self.everything = False
        self.cwd = False
        self.recording = True

    def __enter__(self):
        environ_class = type(os.environ)
        self.getitem = environ_class.__getitem__
        self.iterate = environ_class.__iter__
        self.getcwd = os.getcwd
        witness = self

        def getitem(environ, key):
            if witness.recording and environ is os.environ:
                witness.keys.add(key)
            return witness.getitem(environ, key)

        def iterate(environ):
            if witness.recording and environ is os.environ:
                # The whole environment was looked at: every variable counts.
                witness.everything = True
            return witness.iterate(environ)

        def getcwd():
            if witness.recording:
                witness.cwd = True
            return witness.getcwd()

        environ_class.__getitem__ = getitem
        environ_class.__iter__ = iterate
        os.getcwd = getcwd
        return self

    def __exit__(self, *exc):
        # Modules that kept `from os import getcwd` hold the wrapper: it stops recording, it does not go away.
        self.recording = False
        environ_class = type(os.environ)
        environ_class.__getitem__ = self.getitem
        environ_class.__iter__ = self.iterate
        os.getcwd = self.getcwd
        return False


def unlink_quietly(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def write_atomically(path, text):
    temporary = path + '.tmp'
    with open(temporary, 'w') as handle:
        handle.write(text)
    os.replace(temporary, path)


def captured_import(real_ddev):
    """Imports ddev as its console script would, keeping what the import printed (a fresh ddev prints it each time)."""
    sys.argv = [real_ddev]
    # As for the console script: its folder (symlinks resolved) first on sys.path.
    sys.path[0] = os.path.dirname(os.path.realpath(real_ddev))
    saved = [os.dup(1), os.dup(2)]
    captures = [tempfile.TemporaryFile(), tempfile.TemporaryFile()]
    for fd, capture in zip((1, 2), captures):
        os.dup2(capture.fileno(), fd)
    witness = ImportWitness()
    before = dict(os.environ)
    try:
        with witness:
            from ddev.cli import main
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        for fd, copy in zip((1, 2), saved):
            os.dup2(copy, fd)
            os.close(copy)
    printed = []
    for capture in captures:
        capture.seek(0)
        printed.append(capture.read())
        capture.close()
    # What the import itself set in the environment, to set again over each call's environment.
    witness.exported = {key: value for key, value in os.environ.items() if before.get(key) != value}
    witness.unset = [key for key in before if key not in os.environ]
    return main, witness, printed


def receive_call(connection):
    """The shim's message: a length, then JSON {argv, cwd, env}; its stdin, stdout and stderr ride along."""
    data, fds, _flags, _address = socket.recv_fds(connection, 1 << 16, 3)
    if len(fds) != 3 or len(data) < 4:
        for fd in fds:
            os.close(fd)
        return None, []
    (size,) = struct.unpack('!I', data[:4])
    data = data[4:]
    while len(data) < size:
        more = connection.recv(size - len(data))
        if not more:
            break
        data += more
    return json.loads(data.decode('utf-8', 'surrogateescape')), fds


def send(connection, message):
    try:
        connection.sendall((json.dumps(message) + '\n').encode())
    except OSError:
        pass


def signal_group(pid, number):
    try:
        os.killpg(pid, number)
    except ProcessLookupError:
        try:
            os.kill(pid, number)
        except ProcessLookupError:
            pass
    except PermissionError:
        pass


def wait_for_call(connection, pid):
    """In the waiter: relays the shim's signals to the call's group, SIGKILL if the shim dies; returns the status."""
    try:
        exited = os.pidfd_open(pid)
    except (AttributeError, OSError):
        exited = None
    pending = b''
    shim_gone = False
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        watched = ([connection] if not shim_gone else []) + ([exited] if exited is not None else [])
        ready, _, _ = select.select(watched, [], [], 0.05 if exited is None or not watched else None)
        if connection in ready:
            try:
                data = connection.recv(4096)
            except OSError:
                data = b''
            if not data:
                # The shim was killed (a timeout, a second stop signal): so is the call, as its group would have been.
                shim_gone = True
                signal_group(pid, signal.SIGKILL)
                continue
            pending += data
            while b'\n' in pending:
                line, pending = pending.split(b'\n', 1)
                try:
                    number = int(json.loads(line).get('kill', 0))
                except (ValueError, AttributeError):
                    number = 0
                if number > 0:
                    signal_group(pid, number)
    if exited is not None:
        os.close(exited)
    if os.WIFSIGNALED(status):
        return {'signal': os.WTERMSIG(status)}
    return {'exit': os.WEXITSTATUS(status)}


def become_call(call, fds, witness, printed):
    """In the call's process: the shim's stdio, folder, environment and arguments; then ddev runs as usual."""
    os.setsid()
    for target, fd in zip((0, 1, 2), fds):
        os.dup2(fd, target)
    for fd in fds:
        if fd > 2:
            os.close(fd)
    for number in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    os.chdir(call['cwd'])
    os.environ.clear()
    os.environ.update(call['env'])
    os.environ.update(witness.exported)
    for key in witness.unset:
        os.environ.pop(key, None)
    sys.argv = list(call['argv'])
    tempfile.tempdir = None
    for stream, text in zip((sys.stdout, sys.stderr), printed):
        if text:
            stream.flush()
            os.write(stream.fileno(), text)


def serve(directory, real_ddev, ident, main, witness, printed):
    """Returns only in a call's process (the caller then runs ddev); the server itself exits from here."""
    zygotes = os.path.join(directory, 'zygotes')
    socket_path = os.path.join(zygotes, ident + '.sock')
    record_path = os.path.join(zygotes, ident + '.json')
    served_path = os.path.join(directory, 'served.log')
    cwd = os.getcwd()
    keys = sorted(witness.keys)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    unlink_quietly(socket_path)
    listener.bind(socket_path)
    listener.listen(64)
    record = {
        'pid': os.getpid(),
        'socket': socket_path,
        'ddev': real_ddev,
        'everything': witness.everything,
        'keys': keys,
        'signature': signature(keys, witness.everything, os.environ, cwd if witness.cwd else None),
        'cwd': witness.cwd,
    }
    write_atomically(record_path, json.dumps(record))
    unlink_quietly(os.path.join(zygotes, ident + '.pending'))

    def leave(*_):
        for path in (record_path, socket_path):
            unlink_quietly(path)
        os._exit(0)

    signal.signal(signal.SIGTERM, leave)
    signal.signal(signal.SIGINT, leave)
    # Waiters are reaped by the kernel: this process never waits for them.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    last = time.monotonic()
    while True:
        ready, _, _ = select.select([listener], [], [], 5)
        if not ready:
            if time.monotonic() - last > IDLE_SECONDS or not os.path.exists(record_path):
                leave()
            continue
        try:
            connection, _ = listener.accept()
        except OSError:
            continue
        last = time.monotonic()
        call, fds = receive_call(connection)
        if call is None:
            connection.close()
            continue
        sys.stdout.flush()
        sys.stderr.flush()
        if os.fork() == 0:
            # The waiter: forks the call, relays signals, reports the exit status.
            listener.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            pid = os.fork()
            if pid == 0:
                connection.close()
                become_call(call, fds, witness, printed)
                return main
            for fd in fds:
                os.close(fd)
            started = time.time()
            send(connection, {'pid': pid})
            result = wait_for_call(connection, pid)
            send(connection, result)
            line = {'server': ident, 'args': call['argv'][1:], 'started': started, 'ended': time.time(), **result}
            try:
                with open(served_path, 'a') as log:
                    log.write(json.dumps(line) + '\n')
            except OSError:
                pass
            os._exit(0)
        connection.close()
        for fd in fds:
            os.close(fd)


def start():
    directory, real_ddev, ident = sys.argv[1:4]
    # Said before the import: a shim that finds it waits for this server rather than start a ddev of its own.
    write_atomically(os.path.join(directory, 'zygotes', ident + '.pending'), str(os.getpid()))
    try:
        main, witness, printed = captured_import(real_ddev)
    except BaseException as error:  # noqa: B036 - any failure means: no warm ddev, the shim runs the real one
        failed = os.path.join(directory, 'zygotes', ident + '.failed')
        write_atomically(failed, '{}: {}'.format(type(error).__name__, error))
        unlink_quietly(os.path.join(directory, 'zygotes', ident + '.pending'))
        os._exit(1)
    # What the import made lives as long as any call: out of the collector's sight, so that a call's collections do
    # not write to (and so copy) every page this process shares with it.
    gc.freeze()
    return serve(directory, real_ddev, ident, main, witness, printed)


if __name__ == '__main__':
    # Only a call's process gets here: the console script's own line.
    sys.exit(start()())
