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

/** An address that may break after each slash on a narrow screen rather than run off it. */
function Breakable({ text }: { text: string }) {
  const parts = text.split('/');
  return <>{parts.map((part, i) => (i === 0 ? part : <>/<wbr />{part}</>))}</>;
}

/** A description from the document, its `code` spans shown as code. */
function Described({ text }: { text: unknown }) {
  const parts = String(text ?? '').split(/`([^`]+)`/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>;
}

interface Entry {
  name: string;
  type: string;
  /** Shown beside the type: "required" for a parameter, "may be absent" for a field. */
  note: string | undefined;
  description: unknown;
}

/** The fields of an object, nested objects' fields after theirs as `parent.child`. */
function fieldEntries(schema: Json, optionalNote: string, prefix = ''): Entry[] {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).flatMap(([name, field]) => {
    const nested = field.type === 'object' ? field : Array.isArray(field.anyOf) ? (field.anyOf as Json[]).find((s) => s.type === 'object') : undefined;
    const entry: Entry = { name: `${prefix}${name}`, type: typeOf(field), note: required.has(name) ? undefined : optionalNote, description: field.description };
    return [entry, ...(nested ? fieldEntries(nested, optionalNote, `${prefix}${name}.`) : [])];
  });
}

/** Names, types and meanings as a list, which reflows on a narrow screen where a table of four columns would not. */
function EntryList({ entries, lang }: { entries: Entry[]; lang: string | undefined }) {
  return (
    <dl class="api-entries">
      {entries.map((entry) => (
        <>
          <dt>
            <code>{entry.name}</code> <code>{entry.type}</code>
            {entry.note ? <em>{` (${entry.note})`}</em> : null}
          </dt>
          <dd lang={lang}>
            <Described text={entry.description} />
          </dd>
        </>
      ))}
    </dl>
  );
}

export function ApiDocsPage({ ctx, document }: { ctx: ViewContext; document: Json }) {
  const { t } = ctx;
  const paths = document.paths as Record<string, { get: Json }>;
  const schemas = (document.components as { schemas: Record<string, Json> }).schemas;
  const base = `${ctx.publicUrl}${API_ROOT}`;
  // The reference is the document's English: marked so, for the Vietnamese page's readers and their tools.
  const referenceLang = ctx.lang === 'en' ? undefined : 'en';
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
          <li>
            {t('api.basics.base')}{' '}
            <code>
              <Breakable text={base} />
            </code>
          </li>
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
                <code>
                  <Breakable text={`GET ${API_ROOT}${path}`} />
                </code>
              </h3>
              <p lang={referenceLang}>
                <Described text={get.description} />
              </p>
              {parameters.length > 0 ? (
                <>
                  <h4>{t('api.parameters')}</h4>
                  <EntryList
                    lang={referenceLang}
                    entries={parameters.map((p) => ({ name: p.name, type: typeOf(p.schema), note: p.required ? t('api.required') : undefined, description: p.description }))}
                  />
                </>
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
            <p lang={referenceLang}>
              <Described text={schema.description} />
            </p>
            <h4>{t('api.fields')}</h4>
            <EntryList lang={referenceLang} entries={fieldEntries(schema, t('api.optional'))} />
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
