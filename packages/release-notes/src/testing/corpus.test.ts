import { afterAll, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extrasCorpus } from './corpus.js';

// Where the real changelogs come from, on real folders in a temp dir.
const dir = mkdtempSync(path.join(os.tmpdir(), 'aic-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const folder = (files: Record<string, string>) => {
  const root = mkdtempSync(path.join(dir, 'shape-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
};

test("this workplace's corpus: extras-changelogs/<name>.md", () => {
  const root = folder({ 'extras-changelogs/b.md': '', 'extras-changelogs/a.md': '', 'README.md': '' });
  expect(extrasCorpus({ AIC_CORPUS_DIR: root })?.changelogs).toEqual([
    { name: 'a', file: path.join(root, 'extras-changelogs/a.md') },
    { name: 'b', file: path.join(root, 'extras-changelogs/b.md') },
  ]);
});

test('a checkout of integrations-extras: <name>/CHANGELOG.md', () => {
  const root = folder({ 'awesome/CHANGELOG.md': '', 'tile/manifest.json': '{}', '.github/CHANGELOG.md': '' });
  expect(extrasCorpus({ AIC_CORPUS_DIR: root })?.changelogs).toEqual([
    { name: 'awesome', file: path.join(root, 'awesome/CHANGELOG.md') },
  ]);
});

test('a configured folder that is missing or empty is an error, not a skip', () => {
  expect(() => extrasCorpus({ AIC_CORPUS_DIR: path.join(dir, 'absent') })).toThrow('does not exist');
  expect(() => extrasCorpus({ AIC_CORPUS_DIR: folder({ 'README.md': '' }) })).toThrow('holds no changelog');
});
