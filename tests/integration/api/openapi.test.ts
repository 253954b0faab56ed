// The OpenAPI document: generated from the procedures' zod schemas, valid
// under a standard validator, and true: every operation in it, called as it
// describes, answers a status it lists with a body its schema accepts.
import { compileErrors, validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { restRoutes } from '@shipshape/api';
import { ApiClient } from '../../support/api-client';
import { createFixture, createMatrixUsers, type MatrixUsers } from '../../support/authz-fixture';
import { authorizationRows } from '../../support/authz-rows';
import { rest } from '../../support/rest';
import { insertApiToken } from '../../support/rest-tokens';
import { useTestServer } from '../../support/server';

const server = useTestServer();
let users: MatrixUsers;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let doc: any;

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
}

beforeAll(async () => {
  users = await createMatrixUsers(server.current.url, new ApiClient(server.current.url));
  const response = await rest(server.current.url, 'GET', '/openapi.json');
  expect(response.status).toBe(200);
  doc = response.body;
});

describe('[openapi] the document', () => {
  it('[openapi] is OpenAPI 3.1, valid under @readme/openapi-parser, with bearer auth', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
  });

  it('[openapi] describes every REST route, from the procedure schemas', () => {
    const described = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(described.sort()).toEqual(restRoutes.map((r) => `${r.method} ${r.path}`).sort());
    // The item update's fields are the zod schema's, enum values and all.
    const body = doc.paths['/items/{itemId}'].patch.requestBody.content['application/json'].schema;
    expect(body.required).toContain('expectedVersion');
    expect(JSON.stringify(body.properties.status)).toContain('NOT_APPLICABLE');
    expect(body.additionalProperties).toBe(false);
  });

  it('[openapi] every operation, called as described, answers a listed status with a body its schema accepts', async () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: 'doc', components: doc.components }, 'doc');
    // The schemas bite: an item without its id is refused.
    const itemSchema =
      doc.paths['/items/{itemId}'].get.responses['200'].content['application/json'].schema;
    expect(ajv.validate(itemSchema, { projectId: 'x' })).toBe(false);
    const failures: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(
        operations as Record<string, Record<string, unknown>>,
      )) {
        const procedure = String(operation.operationId).replace('_', '.');
        const row = authorizationRows[procedure];
        if (!row) throw new Error(`no authorization row for ${procedure}`);
        const fixture = await createFixture(server.current.database.db, users);
        const token = await insertApiToken(server.current.database.db, {
          userId: users.ids.OWNER,
          workspaceId: fixture.workspaceId,
        });
        const input = { ...(row.input(fixture, 'OWNER') as Record<string, unknown>) };
        const parameters = (operation.parameters ?? []) as Parameter[];
        let url = path;
        const query: Record<string, string> = {};
        for (const parameter of parameters) {
          const value = input[parameter.name];
          delete input[parameter.name];
          if (value === undefined) continue;
          if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, String(value));
          else query[parameter.name] = String(value);
        }
        const hasBody = 'requestBody' in operation;
        if (!hasBody && Object.keys(input).length > 0) {
          failures.push(`${method} ${path}: undocumented input ${Object.keys(input)}`);
        }
        const label = `${method.toUpperCase()} ${path}`;
        const anonymous = await rest(server.current.url, method.toUpperCase(), url, {
          query,
          ...(hasBody ? { body: input } : {}),
        });
        if (anonymous.status !== 401)
          failures.push(`${label} without a token: ${anonymous.status}`);
        const result = await rest(server.current.url, method.toUpperCase(), url, {
          token,
          query,
          ...(hasBody ? { body: input } : {}),
        });
        const responses = operation.responses as Record<
          string,
          { content?: Record<string, { schema: unknown }> }
        >;
        const described = responses[String(result.status)];
        if (!described) {
          failures.push(
            `${label}: ${result.status} is not listed (${JSON.stringify(result.body).slice(0, 200)})`,
          );
          continue;
        }
        if (result.status >= 300) {
          failures.push(
            `${label}: a valid sample answered ${result.status} ${JSON.stringify(result.body).slice(0, 200)}`,
          );
          continue;
        }
        const schema = described.content?.['application/json']?.schema;
        const check = ajv.compile(
          JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"doc#/components')),
        );
        if (!check(result.body)) {
          failures.push(
            `${label}: body does not match its schema: ${ajv.errorsText(check.errors)}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
