import { expect, test } from '@jest/globals';
import { parseContainerStart } from './compose-events.js';

const event = (overrides: object, attributes: Record<string, string> = {}) =>
  JSON.stringify({
    Type: 'container',
    Action: 'start',
    Actor: {
      ID: 'f00dfeedbeef0123456789',
      Attributes: {
        'com.docker.compose.project': 'awesome',
        'com.docker.compose.service': 'nginx',
        'com.docker.compose.project.config_files': '/r/awesome/tests/docker-compose.yml',
        name: 'awesome-nginx-1',
        ...attributes,
      },
    },
    ...overrides,
  });

test.each([
  [
    event({}),
    {
      id: 'f00dfeedbeef0123456789',
      name: 'awesome-nginx-1',
      project: 'awesome',
      service: 'nginx',
      configFiles: ['/r/awesome/tests/docker-compose.yml'],
    },
  ],
  [event({ Action: 'die' }), undefined],
  [event({ Type: 'network' }), undefined],
  [event({}, { 'com.docker.compose.project': '' }), undefined],
  ['not json', undefined],
  ['{}', undefined],
])('parseContainerStart(%s)', (line, start) => expect(parseContainerStart(line)).toEqual(start));

test('a container without a name attribute is named by its short id', () => {
  expect(parseContainerStart(event({}, { name: '' }))?.name).toBe('f00dfeedbeef');
});
