/** Checks the read API's answers against the OpenAPI document the app serves. */
import assert from 'node:assert/strict';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';

// ajv-formats is CommonJS: its default export is the function under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

// Answers are read as loose JSON once the document's schemas have checked them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** Checks answers against the document the app serves: the schema of the operation's answer for its status. */
export class DocumentCheck {
  private readonly ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: Json) {
    this.ajv.addSchema({ $id: 'https://almanac.test/openapi.json', components: document.components }, 'doc');
  }

  /** The validator of a named component. */
  component(id: string): ValidateFunction {
    let validate = this.compiled.get(id);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `https://almanac.test/openapi.json#/components/schemas/${id}` });
      this.compiled.set(id, validate);
    }
    return validate;
  }

  /** Asserts that `res`, an answer of GET `template` (a path of the document), is what the document says for its status. */
  answer(template: string, res: LightMyRequestResponse): Json {
    const responses = this.document.paths[template]?.get?.responses;
    assert.ok(responses, `the document has GET ${template}`);
    const described = responses[String(res.statusCode)];
    assert.ok(described, `the document names ${res.statusCode} for GET ${template}`);
    if (res.statusCode === 304) return {};
    const type = String(res.headers['content-type']).split(';')[0]!;
    const schema = described.content?.[type]?.schema;
    assert.ok(schema, `the document gives ${type} for ${res.statusCode} of GET ${template}`);
    const body = JSON.parse(res.body) as Json;
    const ref = String(schema.$ref ?? '');
    if (ref) this.assertValid(ref.split('/').pop()!, body);
    return body;
  }

  assertValid(id: string, body: unknown): void {
    const validate = this.component(id);
    assert.ok(validate(body), `${id}: ${JSON.stringify(validate.errors, null, 1)}`);
  }
}
