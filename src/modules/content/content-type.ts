/**
 * A kind of content (events, articles) described once: its editing service,
 * the fields a conflict compares, and how its form is read, checked and
 * filled. Whatever is written once for every kind (the admin pages first) is
 * driven by this description; what stays in the kind's folder is what only
 * that kind has.
 */
import type { Kysely } from 'kysely';
import type { ContentKind, Database, LangCode, PublicationStatus } from '../../db/schema.js';
import type { PageInfo } from '../../shared/pagination.js';
import type { BaseSnapshot, Editable, PublishOptions, RevisionDiff, RevisionSummary } from './editing.js';
import type { FormResult } from './form-fields.js';
import type { TextFields } from './translated-texts.js';
import type { EditContext } from './workflow.js';

type Db = Kysely<Database>;

/** What a kind's validated form holds besides its own fields: the slugs, the Vietnamese text's state, the tags. */
export interface ContentTypeInput {
  slug: string | null;
  vi: { slug?: string | null; status?: string | null } | null;
  topics: number[];
  programmes: number[];
}

/** Every form holds its fields as typed, the revision it was loaded at, and the tags chosen. */
export interface ContentTypeFormValues {
  revision: string;
  en_title: string;
  topics: string[];
  programmes: string[];
}

/** A form checked: the input to save and the revision it was loaded at, or a message key per field. */
export type ContentFormResult<Input> = FormResult<Input>;

/** One line of an admin list. */
export interface ContentSummaryRow {
  id: number;
  status: PublicationStatus;
  publish_at: string | null;
  updated_at: string;
  title: string;
  has_vi: number;
}

/** A list filter: a publication status, 'scheduled' (published with a time still to come), or everything. */
export type ContentListFilter = PublicationStatus | 'scheduled' | undefined;

/** What else narrows an admin list: words in the title (either language), and whether there is Vietnamese text. */
export interface ContentListNarrowing {
  search?: string;
  vi?: 'with' | 'without';
}

/** A workflow step that takes only the item and the revision it was loaded at. */
export type ContentStepRun<S> = (db: Db, ctx: EditContext, id: number, loadedRevision?: number) => Promise<Editable<S>>;

/** A save of the whole form (an update, or one that also takes a step, such as rescheduling an event). */
export type ContentSave<S, Input> = (db: Db, ctx: EditContext, id: number, input: Input, loadedRevision: number) => Promise<Editable<S>>;

/** One kind of content as every generic layer sees it. */
export interface ContentType<S extends BaseSnapshot, Input extends ContentTypeInput, Values extends ContentTypeFormValues, Row extends ContentSummaryRow> {
  kind: ContentKind;
  /** The translated fields after the title, as declared: the form draws one field for each. */
  texts: TextFields;
  /** The fields a conflict shows side by side, and their order. */
  contentFields: readonly (keyof S & string)[];
  fieldOrder: readonly string[];
  service: {
    list(db: Db, filter: ContentListFilter, page: number, now: Date, narrow?: ContentListNarrowing): Promise<{ rows: Row[]; info: PageInfo }>;
    get(db: Db, id: number): Promise<Editable<S>>;
    create(db: Db, ctx: EditContext, input: Input): Promise<Editable<S>>;
    update: ContentSave<S, Input>;
    submit: ContentStepRun<S>;
    returnToDraft: ContentStepRun<S>;
    publish(db: Db, ctx: EditContext, id: number, loadedRevision?: number, publishing?: PublishOptions): Promise<Editable<S>>;
    unpublish: ContentStepRun<S>;
    schedule(db: Db, ctx: EditContext, id: number, publishAt: Date, loadedRevision?: number, publishing?: PublishOptions): Promise<Editable<S>>;
    delete(db: Db, ctx: EditContext, id: number, loadedRevision?: number): Promise<void>;
    listRevisions(db: Db, id: number): Promise<RevisionSummary[]>;
    getRevision(db: Db, id: number, revision: number): Promise<RevisionSummary & { snapshot: S }>;
    diffRevisions(db: Db, id: number, a: number, b: number, lang: LangCode): Promise<RevisionDiff>;
    restore(db: Db, ctx: EditContext, id: number, revision: number, loadedRevision?: number): Promise<Editable<S>>;
  };
  form: {
    /** A new item's form: `today` and the office's zone fill what they can. */
    blank(today: string, officeZone: string): Values;
    /** A stored item's form, at its revision. */
    fromSnapshot(snapshot: S, revision: number): Values;
    /** The body of a POST, every field as typed. */
    read(body: unknown): Values;
    /** The form checked, fields and the rules across them; `officeZone` applies where a zone is left empty. */
    validate(values: Values, officeZone: string): ContentFormResult<Input>;
  };
}
