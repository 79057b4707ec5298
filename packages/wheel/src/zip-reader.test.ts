import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { inspectWheel, parseRecord, readWheel, recordHash } from './index.js';

/** A zip written by hand, so that sizes can lie and data can be anything. */
function zip(entries: { name: string; data: Uint8Array; method: 0 | 8; size: number; crc: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Deflate data for `mib` MiB of zeros, ~1 KB per MiB: the same independent block, repeated. */
function zerosDeflated(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  return Buffer.concat([...Array.from({ length: mib }, () => block), Buffer.from([0x03, 0x00])]);
}

const problemOf = (bytes: Uint8Array) => {
  const result = readWheel(bytes);
  return 'problem' in result ? result.problem : undefined;
};

describe('entries that would unpack outside the install folder are refused', () => {
  test.each([
    ['../../x.py', 'a `..` component'],
    ['datadog_checks/../../../etc/cron.d/x', 'a `..` component'],
    ['/etc/passwd', 'an absolute path'],
    ['C:/Windows/x.py', 'an absolute path'],
    ['datadog_checks\\..\\x.py', 'a backslash'],
  ])('%s', (name, why) => {
    expect(problemOf(zipSync({ [name]: strToU8('x') }))).toContain(why);
  });

  test('a symbolic-link entry', () => {
    const bytes = zipSync({
      'datadog_checks/x/link.py': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
    });
    expect(problemOf(bytes)).toContain('is a symbolic link');
  });

  test('an entry listed twice', () => {
    const data = strToU8('x');
    const entry = { name: 'a.py', data, method: 0 as const, size: 1, crc: crc32(data) };
    expect(problemOf(zip([entry, entry]))).toContain('is in it twice');
  });

  test('an ordinary wheel still reads', () => {
    const files = readWheel(
      zipSync({ 'datadog_checks/x/__init__.py': strToU8(''), 'x-1.dist-info/': new Uint8Array() }),
    );
    expect([...(files as Map<string, Uint8Array>).keys()]).toEqual(['datadog_checks/x/__init__.py']);
  });
});

describe('zip bombs fail after the directory is read, in bounded memory', () => {
  test('an entry that declares 4 GiB is refused without inflating anything', () => {
    const data = zerosDeflated(4);
    expect(problemOf(zip([{ name: 'big.bin', data, method: 8, size: 0xfffffffe, crc: 0 }]))).toContain(
      'would inflate to more than 256 MiB',
    );
  });

  test('an entry that lies about its size stops one byte past what it declares', () => {
    const data = zerosDeflated(64);
    expect(problemOf(zip([{ name: 'big.bin', data, method: 8, size: 1000, crc: 0 }]))).toContain(
      'inflates to more than the 1000 bytes it declares',
    );
  });

  test('a 4 MB archive that inflates to 4 GiB, read in a child process whose memory is watched', async () => {
    // Before: the whole 4 GiB was inflated (4.26 GB RSS). The child is killed past 1 GiB.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aic-bomb-'));
    try {
      const bomb = path.join(dir, 'bomb.whl');
      writeFileSync(bomb, zip([{ name: 'big.bin', data: zerosDeflated(4096), method: 8, size: 1024, crc: 0 }]));
      const here = path.dirname(fileURLToPath(import.meta.url));
      const script = `import { readWheel } from ${JSON.stringify(path.join(here, 'wheel-file.ts'))};
import { readFileSync } from 'node:fs';
const result = readWheel(readFileSync(${JSON.stringify(bomb)}));
console.log(JSON.stringify({ problem: result.problem, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));`;
      const tsx = path.resolve(here, '../../../node_modules/tsx/dist/cli.mjs');
      const outcome = await new Promise<{ killed: boolean; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [tsx, '--input-type=module', '-e', script], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let killed = false;
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        const watch = setInterval(() => {
          try {
            const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
            if (rss > 1024 * 1024) {
              killed = true;
              child.kill('SIGKILL');
            }
          } catch {
            // gone
          }
        }, 20);
        child.on('close', () => {
          clearInterval(watch);
          resolve({ killed, stdout });
        });
      });
      expect(outcome.killed).toBe(false);
      const report = JSON.parse(outcome.stdout.trim().split('\n').pop()!) as { problem: string; maxRssMiB: number };
      expect(report.problem).toContain('inflates to more than the 1024 bytes it declares');
      expect(report.maxRssMiB).toBeLessThan(1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('RECORD is read as CSV', () => {
  /** datadog_x-1.0 with these files beside its METADATA, inspected. */
  const inspectX = (files: [string, Uint8Array][]) =>
    inspectWheel(new Map([...files, ['x-1.0.dist-info/METADATA', strToU8('Name: datadog-x\nVersion: 1.0\n')]]), {
      filename: 'datadog_x-1.0-py3-none-any.whl',
      integration: 'x',
      project: 'datadog-x',
      version: '1.0',
    });

  test('a quoted name with a comma is one field (it was a false "not in the wheel" error)', () => {
    const content = strToU8('x = 1\n');
    const record = `"datadog_checks/x/a,b.py",${recordHash(content)},${content.length}\nx-1.0.dist-info/RECORD,,\n`;
    expect(parseRecord(record)).toEqual([
      ['datadog_checks/x/a,b.py', recordHash(content), String(content.length)],
      ['x-1.0.dist-info/RECORD', '', ''],
    ]);
    const findings = inspectX([
      ['datadog_checks/x/a,b.py', content],
      ['x-1.0.dist-info/RECORD', strToU8(record)],
    ]);
    expect(
      findings.filter((finding) => finding.message.includes('a,b.py') || finding.message.includes('"datadog_checks')),
    ).toEqual([]);
  });

  test('doubled quotes, CRLF, and an unclosed quote', () => {
    expect(parseRecord('"a""b",h,1\r\nc,,\r\n')).toEqual([
      ['a"b', 'h', '1'],
      ['c', '', ''],
    ]);
    expect(parseRecord('a,b\n"open,c\n')).toEqual({ problem: 'a quoted field is never closed', line: 3 });
  });

  test('a RECORD path out of the install folder is an error (pip uninstall would delete it)', () => {
    const findings = inspectX([
      ['x-1.0.dist-info/RECORD', strToU8('../../../etc/passwd,,\nx-1.0.dist-info/RECORD,,\n')],
    ]);
    expect(findings.map((finding) => finding.message)).toContainEqual(
      expect.stringContaining('uninstalling would remove a file outside'),
    );
  });
});
