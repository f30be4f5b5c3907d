/**
 * Related items: the few items of one kind that share a topic or programme
 * with an item of the other, as a section of that item's page. Written once
 * for every kind; each kind says only how it finds its items and lists them.
 * The app hands each page the other kind's section, so events and articles
 * never import each other.
 */
import type { Kysely } from 'kysely';
import type { VNode } from 'preact';
import type { RelatedSection, Sharing } from '../../app-deps.js';
import type { Database, LangCode } from '../../db/schema.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import type { MessageKey } from '../i18n/index.js';

/** How many related items a page links: a few, not a second listing. */
const RELATED_COUNT = 3;

/** When the related items are looked for: the office's date and the instant (what is live now). */
export interface RelatedAt {
  today: string;
  now: Date;
}

export interface RelatedItems<Row> {
  /** The kind listed, in the plural: the section's class and its heading's id name it. */
  kind: 'events' | 'articles';
  /** The section's heading. */
  heading: MessageKey;
  /** At most `limit` live items sharing one of the tags, in the kind's own order (asked only when there are tags). */
  find(db: Kysely<Database>, lang: LangCode, sharing: Sharing, at: RelatedAt, limit: number): Promise<Row[]>;
  /** The items as a short list. */
  List(props: { ctx: ViewContext; rows: Row[] }): VNode;
}

/** The topics and programmes of an item's page, by slug: what its related items share with it. */
export function sharingOf(detail: { topics: readonly { slug: string }[]; programmes: readonly { slug: string }[] }): Sharing {
  return { topics: detail.topics.map((t) => t.slug), programmes: detail.programmes.map((p) => p.slug) };
}

/** A page's section of related items of one kind, or nothing when none shares its topics or programmes (or it has none). */
export function relatedSection<Row>(items: RelatedItems<Row>): RelatedSection {
  const id = `related-${items.kind}`;
  return async (db, ctx, sharing, today, now) => {
    if (sharing.topics.length + sharing.programmes.length === 0) return null;
    const rows = await items.find(db, ctx.lang, sharing, { today, now }, RELATED_COUNT);
    if (rows.length === 0) return null;
    return (
      <section class={`related related--${items.kind}`} aria-labelledby={id}>
        <h2 id={id}>{ctx.t(items.heading)}</h2>
        <items.List ctx={ctx} rows={rows} />
      </section>
    );
  };
}
