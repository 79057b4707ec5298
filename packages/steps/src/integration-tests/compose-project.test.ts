import { expect, test } from '@jest/globals';
import { datadogProjectName, normalizeProjectName, parseComposeLabelRows, projectsUsing } from './compose-project.js';

test.each([
  ['awesome', 'awesome'],
  ['Awesome', 'awesome'],
  ['my check.v2', 'mycheckv2'],
  ['_tests', 'tests'],
  ['-_-x_y-z', 'x_y-z'],
  ['ibm_mq', 'ibm_mq'],
])('normalizeProjectName(%j) = %j', (name, normalized) => expect(normalizeProjectName(name)).toBe(normalized));

test.each([
  ['/repo/awesome', {}, 'awesome'],
  ['/repo/integrations/Foo_Bar', {}, 'foo_bar'],
  ['/repo/awesome', { COMPOSE_PROJECT_NAME: 'Pinned-Name' }, 'pinned-name'],
  ['/repo/awesome', { COMPOSE_PROJECT_NAME: '' }, 'awesome'],
  ['/home/runner/work/partner-check', {}, 'partner-check'],
])('datadogProjectName(%s, %j) = %s', (integration, env, name) =>
  expect(datadogProjectName(integration, env)).toBe(name),
);

test('parseComposeLabelRows: project and config files per row; rows without a project are not compose', () => {
  const rows = parseComposeLabelRows(
    'awesome\t/r/awesome/tests/docker-compose.yml\n\t\ntests\t/r/a/tests/docker-compose.yml,/r/a/tests/extra.yml\r\n',
  );
  expect(rows).toEqual([
    { project: 'awesome', configFiles: ['/r/awesome/tests/docker-compose.yml'] },
    { project: 'tests', configFiles: ['/r/a/tests/docker-compose.yml', '/r/a/tests/extra.yml'] },
  ]);
});

test.each([
  [[{ project: 'awesome', configFiles: ['/r/awesome/tests/docker-compose.yml'] }], ['awesome']],
  [[{ project: 'tests', configFiles: ['/r/x/tests/other.yml', '/r/awesome/tests/docker-compose.yml'] }], ['tests']],
  [[{ project: 'other', configFiles: ['/r/other/tests/docker-compose.yml'] }], []],
  [
    [
      { project: 'b', configFiles: ['/r/awesome/tests/docker-compose.yml'] },
      { project: 'a', configFiles: ['/r/awesome/tests/docker-compose.yml'] },
      { project: 'a', configFiles: ['/r/awesome/tests/docker-compose.yml'] },
    ],
    ['a', 'b'],
  ],
])('projectsUsing(%j) = %j', (containers, projects) =>
  expect(projectsUsing(containers, ['/r/awesome/tests/docker-compose.yml'])).toEqual(projects),
);

test('projectsUsing compares canonical paths (a symlinked checkout)', () => {
  const canonical = (file: string) => file.replace(/^\/link\//, '/real/');
  const containers = [{ project: 'awesome', configFiles: ['/link/awesome/tests/docker-compose.yml'] }];
  expect(projectsUsing(containers, ['/real/awesome/tests/docker-compose.yml'], canonical)).toEqual(['awesome']);
});
