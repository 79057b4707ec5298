import { expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findTestFiles } from './test-files.js';

test('findTestFiles: what pytest collects by default under tests/, in subfolders too', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'aic-test-files-'));
  for (const file of [
    'tests/__init__.py',
    'tests/conftest.py',
    'tests/common.py',
    'tests/test_unit.py',
    'tests/api/check_test.py',
    'tests/__pycache__/test_unit.cpython-313.py',
    'tests/.hidden/test_x.py',
    'datadog_checks/x/test_helpers.py',
  ]) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), '');
  }
  expect(findTestFiles(folder)).toEqual(['tests/api/check_test.py', 'tests/test_unit.py']);
  expect(findTestFiles(path.join(folder, 'absent'))).toEqual([]);
});
