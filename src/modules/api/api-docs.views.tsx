/**
 * The read API's page for people: what it offers and how to use it, then
 * each endpoint with its parameters and each object with its fields, read
 * from the OpenAPI document itself, so the page cannot say other than the
 * document. The reference is the document's own English.
 */
import { API_ROOT, OPENAPI_PATH, alternates, apiDocsPath } from '../../shared/http/paths.js';
import { Layout } from '../../shared/views/Layout.js';
import type { ViewContext } from '../../shared/views/view-context.js';

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Json;
}

/** The problem codes the page explains, each with its anchor (shared/http/problem.ts links to them). */
const PROBLEMS = ['invalid_input', 'not_found', 'internal_error'] as const;

/** A JSON Schema written short for people: `string`, `integer or null`, `Hero`, `array of Event`, `en | vi`. */
function typeOf(schema: Json | undefined): string {
  if (!schema) return '';
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? '';
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeOf).join(' | ');
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [String(schema.type ?? 'object')];
  return types
    .map((type) => {
      if (type === 'array') return `array of ${typeOf(schema.items as Json)}`;
      if (type === 'string' && typeof schema.format === 'string') return `string (${schema.format})`;
      return type;
    })
    .join(' | ');
}

function FieldRows({ schema, prefix = '' }: { schema: Json; prefix?: string }) {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return (
    <>
      {Object.entries(properties).map(([name, field]) => (
        <>
          <tr>
            <td>
              <code>{`${prefix}${name}`}</code>
            </td>
            <td>
              <code>{typeOf(field)}</code>
            </td>
            <td>{required.has(name) ? '✓' : ''}</td>
            <td>{typeof field.description === 'string' ? field.description : ''}</td>
          </tr>
          {field.type === 'object' || (Array.isArray(field.anyOf) && (field.anyOf as Json[]).some((s) => s.type === 'object')) ? (
            <FieldRows schema={field.type === 'object' ? field : ((field.anyOf as Json[]).find((s) => s.type === 'object') ?? {})} prefix={`${prefix}${name}.`} />
          ) : null}
        </>
      ))}
    </>
  );
}

export function ApiDocsPage({ ctx, document }: { ctx: ViewContext; document: Json }) {
  const { t } = ctx;
  const paths = document.paths as Record<string, { get: Json }>;
  const schemas = (document.components as { schemas: Record<string, Json> }).schemas;
  const base = `${ctx.publicUrl}${API_ROOT}`;
  // The reference is the document's English: marked so, for the Vietnamese page's readers and their tools.
  const referenceLang = ctx.lang === 'en' ? undefined : 'en';
  const columns = (first: string) => (
    <tr>
      <th scope="col">{first}</th>
      <th scope="col">{t('api.col.type')}</th>
      <th scope="col">{t('api.col.required')}</th>
      <th scope="col">{t('api.col.description')}</th>
    </tr>
  );
  return (
    <Layout ctx={ctx} title={t('api.title')} description={t('api.intro')} alternates={alternates(apiDocsPath)}>
      <article class="article-body api-docs">
        <h1>{t('api.title')}</h1>
        <p class="lead">{t('api.intro')}</p>
        <p>
          <a href={OPENAPI_PATH}>{t('api.openapiLink')}</a>
        </p>

        <h2 id="basics">{t('api.basics')}</h2>
        <ul>
          <li>{t('api.basics.base', { url: base })}</li>
          <li>{t('api.basics.lang')}</li>
          <li>{t('api.basics.visible')}</li>
          <li>{t('api.basics.paging')}</li>
          <li>{t('api.basics.caching')}</li>
          <li>{t('api.basics.cors')}</li>
          <li>{t('api.basics.errors')}</li>
        </ul>

        <h2 id="endpoints">{t('api.endpoints')}</h2>
        {Object.entries(paths).map(([path, { get }]) => {
          const parameters = (get.parameters ?? []) as Parameter[];
          const id = `endpoint-${String(get.operationId)}`;
          return (
            <section aria-labelledby={id}>
              <h3 id={id}>
                <code>{`GET ${API_ROOT}${path}`}</code>
              </h3>
              <p lang={referenceLang}>{String(get.description ?? '')}</p>
              {parameters.length > 0 ? (
                <table lang={referenceLang}>
                  <caption>{t('api.parameters')}</caption>
                  <thead>{columns(t('api.col.parameter'))}</thead>
                  <tbody>
                    {parameters.map((p) => (
                      <tr>
                        <td>
                          <code>{p.name}</code>
                        </td>
                        <td>
                          <code>{typeOf(p.schema)}</code>
                        </td>
                        <td>{p.required ? '✓' : ''}</td>
                        <td>{p.description ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </section>
          );
        })}

        <h2 id="objects">{t('api.objects')}</h2>
        {Object.entries(schemas).map(([name, schema]) => (
          <section aria-labelledby={`schema-${name}`}>
            <h3 id={`schema-${name}`}>
              <code>{name}</code>
            </h3>
            <p lang={referenceLang}>{String(schema.description ?? '')}</p>
            <table lang={referenceLang}>
              <caption>{t('api.fields')}</caption>
              <thead>{columns(t('api.col.field'))}</thead>
              <tbody>
                <FieldRows schema={schema} />
              </tbody>
            </table>
          </section>
        ))}

        <h2 id="problems">{t('api.problems')}</h2>
        <p>{t('api.problems.intro')}</p>
        <dl>
          {PROBLEMS.map((code) => (
            <>
              <dt id={`problem-${code}`}>
                <code>{code}</code>
              </dt>
              <dd>{t(`api.problem.${code}`)}</dd>
            </>
          ))}
        </dl>
      </article>
    </Layout>
  );
}
