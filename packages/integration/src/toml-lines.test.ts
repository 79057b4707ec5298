import { expect, test } from '@jest/globals';
import { tomlKeyLine } from './toml-lines.js';

const PYPROJECT = [
  '[build-system]', // 1
  'requires = ["hatchling"]', // 2
  'name = "not the project"', // 3
  '[project]', // 4
  'authors = [{ name = "Partner", email = "p@example.com" }]', // 5
  'maintainers = [', // 6
  '  { name = "Partner" },', // 7
  ']', // 8
  'name = "datadog-awesome"', // 9
  '', // 10
  '[project.urls]', // 11
  'name = "a url"', // 12
  '[tool.hatch.version]  # where the version is', // 13
  'path = "datadog_checks/awesome/__about__.py"', // 14
].join('\n');

test.each([
  ['project.name: under [project], not elsewhere', PYPROJECT, 'project.name', 9],
  ['tool.hatch.version.path', PYPROJECT, 'tool.hatch.version.path', 14],
  ['a missing key: the table header', '[project]\nversion = "1"\n', 'project.name', 1],
  ['a missing key: the table header, further down', 'a = 1\n\n[project]\n', 'project.name', 3],
  ['a dotted key', '[tool]\nhatch.version.path = "x"\n', 'tool.hatch.version.path', 2],
  ['an inline table: its key', '[tool.hatch]\nversion = { path = "x" }\n', 'tool.hatch.version.path', 2],
  ['quoted keys, CRLF', '[project]\r\n"name" = "x"\r\n', 'project.name', 2],
  ['nothing: line 1', 'a = 1\nb = 2\n', 'project.name', 1],
])('%s', (_name, text, key, line) => {
  expect(tomlKeyLine(text, key)).toBe(line);
});
