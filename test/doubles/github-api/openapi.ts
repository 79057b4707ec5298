import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../harness/paths.js';

// GitHub's own OpenAPI description of api.github.com (from @octokit/openapi), loaded once per test process.

type Schema = Record<string, unknown>;
export interface Operation {
  operationId: string;
  parameters?: Schema[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, Schema>;
}
interface Description {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, Schema>>;
}

let loaded: Description | undefined;
function description(): Description {
  loaded ??= JSON.parse(
    readFileSync(
      path.join(repoRoot, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json'),
      'utf8',
    ),
  ) as Description;
  return loaded;
}

/** `#/components/schemas/release` → the schema. */
export function resolve<T = Schema>(node: Schema): T {
  let current = node;
  while (typeof current.$ref === 'string') {
    const parts = current.$ref.replace(/^#\//, '').split('/');
    current = parts.reduce<Schema>((at, key) => at[key] as Schema, description() as unknown as Schema);
  }
  return current as T;
}

export interface MatchedOperation {
  template: string;
  operation: Operation;
  params: Record<string, string>;
}

/** The operation a method and path name in the description, with the path parameters. */
export function findOperation(method: string, pathname: string): MatchedOperation | undefined {
  for (const [template, item] of Object.entries(description().paths)) {
    const operation = item[method.toLowerCase()];
    if (!operation) continue;
    const names: string[] = [];
    const multi = new Set(
      (operation.parameters ?? [])
        .map((parameter) => resolve<{ name: string; 'x-multi-segment'?: boolean }>(parameter))
        .filter((parameter) => parameter['x-multi-segment'])
        .map((parameter) => parameter.name),
    );
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
      names.push(name);
      return multi.has(name) ? '(.+)' : '([^/]+)';
    });
    const match = new RegExp(`^${pattern}$`).exec(pathname);
    if (match) {
      const params = Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
      return { template, operation, params };
    }
  }
  return undefined;
}

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

/** JSON Schema (the OpenAPI 3.0 subset GitHub uses) problems of `value`, as `where: what` lines. */
export function validate(schemaNode: Schema, value: unknown, where = '$'): string[] {
  const schema = resolve(schemaNode);
  if (value === null)
    return schema.nullable === true || schema.type === undefined ? [] : [`${where}: null is not allowed`];
  if (Array.isArray(schema.allOf)) return (schema.allOf as Schema[]).flatMap((part) => validate(part, value, where));
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(schema[key])) {
      const options = (schema[key] as Schema[]).map((part) => validate(part, value, where));
      if (!options.some((problems) => problems.length === 0))
        return [`${where}: matches none of ${key}: ${options[0]?.join('; ')}`];
      return [];
    }
  }
  const problems: string[] = [];
  const actual = typeOf(value);
  const type = schema.type as string | undefined;
  if (type && !(type === actual || (type === 'number' && actual === 'integer')))
    return [`${where}: expected ${type}, got ${actual}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    problems.push(`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[])
      if (!(name in object)) problems.push(`${where}.${name}: required`);
    for (const [name, item] of Object.entries(object)) {
      if (properties[name]) problems.push(...validate(properties[name], item, `${where}.${name}`));
      else if (schema.additionalProperties === false) problems.push(`${where}.${name}: not a known property`);
      else if (typeof schema.additionalProperties === 'object')
        problems.push(...validate(schema.additionalProperties as Schema, item, `${where}.${name}`));
    }
  }
  if (actual === 'array' && schema.items) {
    (value as unknown[]).forEach((item, index) =>
      problems.push(...validate(schema.items as Schema, item, `${where}[${index}]`)),
    );
  }
  return problems;
}
