/**
 * How any kind's items are stored, written once from the kind's description
 * (its tables, its translated fields, its own columns): reading an item into
 * a snapshot, inserting it (one or many), writing a saved snapshot at its
 * revision, and the queries of the workflow. The kind says only what is its
 * own (which columns, a column stored otherwise than the snapshot holds it).
 */
import type { Kysely, Transaction } from 'kysely';
import type { ContentKind, Database, PublicationStatus } from '../../db/schema.js';
import { snapshotOf, type MessageKey } from '../i18n/index.js';
import type { SummaryLister } from './content-service.js';
import type { BaseSnapshot, ContentInput, ContentStore, Editable } from './editing.js';
import { editingRows, type KindTables } from './editing.repository.js';
import type { BilingualContent, BilingualInput } from './form-fields.js';
import { emptyText, longTextNames, pickText, textColumns, textDiffOrder, type TextFields, type TextOf } from './translated-texts.js';

type Trx = Transaction<Database>;
type Row = Readonly<Record<string, unknown>>;

/** What every snapshot has besides the kind's own fields: its publication. */
const PUBLICATION_FIELDS = ['status', 'publish_at', 'published_at'] as const;

/** What a kind's form edits, as stored: its texts in both languages, its own fields, its slug and tags. */
export type ContentOf<Texts extends TextFields, Fields> = BilingualContent<TextOf<Texts>> & Fields;

/** A whole item as revisions keep it: what its form edits, the kind's own state, and its publication. */
export type SnapshotOf<Texts extends TextFields, Fields, State = object> = ContentOf<Texts, Fields> &
  State & { status: PublicationStatus; publish_at: string | null; published_at: string | null };

/** What a kind's validated form gives the editing service. */
export type InputOf<Texts extends TextFields, Fields> = BilingualInput<TextOf<Texts>> & Fields;

/** One kind of content described once: what the generic store, service and admin are driven by. */
export interface ContentKindDescription<S extends BaseSnapshot, Texts extends TextFields> {
  kind: ContentKind;
  tables: KindTables<keyof Database, keyof Database>;
  /** The translated fields after the title, declared once (see translated-texts.ts). */
  texts: Texts;
  /** The kind's own columns the form edits, in the order the history lists them. */
  fields: readonly (keyof S & string)[];
  /** The kind's own workflow state (an event's cancellation): changed by steps only, listed after the tags. */
  stateFields?: readonly (keyof S & string)[];
  /** The first values of the state fields of a new item made from a form. */
  initial?: Partial<S>;
  /** The slug when the English title has no letters or digits. */
  fallbackSlug: string;
  /** The admin list: the kind's own columns it shows, and the one it is ordered by (newest first). */
  list: { columns: readonly string[]; orderBy: string };
  /** Columns stored otherwise than the snapshot holds them (a boolean as 0/1), both ways. */
  fromRow?(row: Row): Partial<S>;
  toRow?(snapshot: S): Record<string, unknown>;
  /** Checks of a form against the database particular to the kind (a chosen image still there): the fields in error. */
  check?(trx: Trx, input: ContentInput<S>): Promise<Record<string, MessageKey>>;
  /** The kind's own rules on how a value is stored (a one-day event has no end date). */
  normalize?(snapshot: S): S;
}

/** The fields a kind's form edits: restored by a restore, compared to detect a stale form. */
export function contentFieldsOf<S extends BaseSnapshot>(d: { fields: readonly (keyof S & string)[] }): (keyof S & string)[] {
  return ['slug', ...d.fields, 'en', 'vi', 'topics', 'programmes'] as (keyof S & string)[];
}

/** The order fields are compared in on the history page: the texts first, then the facts, the tags, then the workflow. */
export function fieldOrderOf(d: { texts: TextFields; fields: readonly string[]; stateFields?: readonly string[] | undefined }): string[] {
  return [...textDiffOrder(d.texts), 'slug', ...d.fields, 'topics', 'programmes', ...(d.stateFields ?? []), ...PUBLICATION_FIELDS];
}

/** The store of the kind `d` describes, for the shared editing workflow. */
export function contentStore<S extends BaseSnapshot, Texts extends TextFields>(d: ContentKindDescription<S, Texts>): ContentStore<S> {
  const rows = editingRows(d.tables);
  const state = d.stateFields ?? [];
  const text = (t: object) => textColumns(d.texts, t as Row);

  /** The item's own row, as the snapshot gives it. */
  function rowValues(s: S): Record<string, unknown> {
    const values: Record<string, unknown> = { slug: s.slug };
    for (const name of [...state, ...d.fields, ...PUBLICATION_FIELDS]) values[name] = s[name];
    return { ...values, ...d.toRow?.(s) };
  }

  function snapshotFrom(row: Row, translations: readonly Row[], tags: { topics: number[]; programmes: number[] }): S {
    const en = translations.find((t) => t.lang === 'en');
    const vi = translations.find((t) => t.lang === 'vi');
    const own: Record<string, unknown> = { slug: row.slug, status: row.status };
    for (const name of state) own[name] = row[name];
    own.publish_at = row.publish_at;
    own.published_at = row.published_at;
    for (const name of d.fields) own[name] = row[name];
    return {
      ...own,
      ...d.fromRow?.(row),
      // An item imported from a Vietnamese page alone has no English text yet.
      en: en ? pickText(d.texts, en) : emptyText(d.texts),
      // A translation without a slug yet gets one at its next save.
      vi: vi ? { ...pickText(d.texts, vi), slug: (vi.slug as string | null) ?? '', status: vi.status } : null,
      topics: tags.topics,
      programmes: tags.programmes,
    } as unknown as S;
  }

  async function writeTexts(trx: Trx, id: number, s: S, at: string): Promise<void> {
    // The English text's address is the item's own slug; its status follows the item's.
    // An item kept from a Vietnamese page alone has no English text (an empty title) until an editor writes one.
    if (s.en.title !== '') await rows.upsertText(trx, id, 'en', text(s.en), { slug: s.slug, status: 'published' }, at);
    if (s.vi) await rows.upsertText(trx, id, 'vi', text(s.vi), { slug: s.vi.slug, status: s.vi.status }, at);
    else await rows.deleteTranslation(trx, id, 'vi');
  }

  const store: ContentStore<S> = {
    kind: d.kind,
    contentFields: contentFieldsOf(d),
    fieldOrder: fieldOrderOf(d),
    longFields: longTextNames(d.texts),
    fallbackSlug: d.fallbackSlug,
    emptyText: () => emptyText(d.texts) as S['en'],
    async load(db, id): Promise<Editable<S> | undefined> {
      const row = await rows.findItem(db, id);
      if (!row) return undefined;
      return {
        id: Number(row.id),
        revision: Number(row.revision),
        createdBy: row.created_by as number | null,
        updatedBy: row.updated_by as number | null,
        createdAt: row.created_at as string,
        updatedAt: row.updated_at as string,
        snapshot: snapshotFrom(row, await rows.listTexts(db, id), await rows.listTagIds(db, id)),
      };
    },
    async insert(trx, s, { at, userId, sourceKey }) {
      const id = await rows.insertItem(trx, {
        ...rowValues(s),
        source_key: sourceKey ?? null,
        revision: 1,
        created_at: at,
        updated_at: at,
        created_by: userId,
        updated_by: userId,
      });
      await writeTexts(trx, id, s, at);
      await rows.replaceTags(trx, id, s.topics, s.programmes);
      return id;
    },
    async update(trx, id, revision, next, changes, { at, userId }) {
      const values = { ...rowValues(next), updated_at: at, updated_by: userId };
      if (!(await rows.updateAtRevision(trx, id, revision, values as never))) return false;
      if (changes.some((f) => f === 'slug' || f.startsWith('en.') || f.startsWith('vi.'))) await writeTexts(trx, id, next, at);
      if (changes.includes('topics') || changes.includes('programmes')) await rows.replaceTags(trx, id, next.topics, next.programmes);
      return true;
    },
    async insertMany(trx, snapshots, { at }) {
      const ids = await rows.insertItems(trx, snapshots.map((s) => ({ ...rowValues(s), revision: 1, created_at: at, updated_at: at })) as never);
      const idOf = (s: S) => ids.get(s.slug)!;
      const row = (s: S, t: object) => ({ [d.tables.fk]: idOf(s), ...text(t), created_at: at, updated_at: at });
      await rows.insertTranslations(
        trx,
        snapshots.flatMap((s) => [
          { ...row(s, s.en), lang: 'en', slug: s.slug, status: 'published' },
          ...(s.vi
            ? [
                {
                  ...row(s, s.vi),
                  lang: 'vi',
                  slug: s.vi.slug,
                  status: s.vi.status,
                  // Translation tracking, as for a Vietnamese text saved with its English.
                  source_snapshot: JSON.stringify(snapshotOf(d.kind, { ...s.en })),
                  translated_at: at,
                },
              ]
            : []),
        ]) as never,
      );
      await rows.insertTags(trx, snapshots.map((s) => ({ id: idOf(s), topics: s.topics, programmes: s.programmes })));
      return snapshots.map(idOf);
    },
    deleteRow: (trx, id) => rows.deleteRow(trx, id),
    slugUsedByOther: (db, slug, selfId) => rows.slugUsedByOther(db, slug, selfId),
    listDueIds: (db, at) => rows.listDueIds(db, at),
    claimDue: (trx, id, at) => rows.claimDue(trx, id, at),
  };
  if (d.check) store.check = d.check;
  if (d.normalize) store.normalize = d.normalize;
  return store;
}

/** The admin list of the kind `d` describes: its count and pages, with the kind's own columns (`Row` says their types). */
export function summaryLister<Row>(d: Pick<ContentKindDescription<BaseSnapshot, TextFields>, 'tables' | 'list'>): SummaryLister<Row> {
  const rows = editingRows(d.tables);
  return {
    count: (db: Kysely<Database>, filter) => rows.countSummaries(db, filter),
    page: async (db: Kysely<Database>, filter, limit, offset) => (await rows.listSummaries(db, filter, { limit, offset }, d.list.columns, d.list.orderBy)) as Row[],
  };
}
