import type { Kysely } from 'kysely';

/**
 * Gives every existing translation row its slug. English rows take the
 * item's slug (so old addresses keep working under /en). Other languages get
 * their title transliterated to ASCII ("Hội thảo" → "hoi-thao"), made unique
 * among every slug of that kind of item in any language, so that a path under
 * /vi can never name two items. A title with nothing to keep falls back to the
 * item's own slug.
 *
 * The transliteration is written out here rather than imported: migrations
 * must not change when application code does.
 */

// Letters that NFD does not split into base letter + mark.
const UNDECOMPOSABLE: Record<string, string> = { đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE' };

/** Slugs are kept to this many characters, cut at a word boundary, like the items' own slugs. */
const MAX_SLUG_LENGTH = 80;

function transliterate(title: string): string {
  const words = title
    .replace(/[đĐðÐøØłŁßæÆœŒ]/g, (ch) => UNDECOMPOSABLE[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG_LENGTH) {
      if (slug === '') slug = word.slice(0, MAX_SLUG_LENGTH);
      break;
    }
    slug = next;
  }
  return slug;
}

interface Kind {
  items: string;
  translations: string;
  key: string;
  date: string;
}

const KINDS: Kind[] = [
  { items: 'events', translations: 'event_translations', key: 'event_id', date: 'start_date' },
  { items: 'articles', translations: 'article_translations', key: 'article_id', date: 'published_on' },
];

async function backfill(db: Kysely<any>, kind: Kind): Promise<void> {
  const rows: { item_id: number; lang: string; title: string; slug: string | null; item_slug: string; item_date: string }[] = await db
    .selectFrom(`${kind.translations} as t`)
    .innerJoin(`${kind.items} as i`, 'i.id', `t.${kind.key}`)
    .select([`t.${kind.key} as item_id`, 't.lang', 't.title', 't.slug', 'i.slug as item_slug', `i.${kind.date} as item_date`])
    .orderBy(`t.${kind.key}`)
    .orderBy('t.lang')
    .execute();

  // Which item holds each slug, in any language: a slug may be shared only by the languages of one item.
  const owner = new Map<string, number>();
  for (const row of rows) {
    if (row.slug) owner.set(row.slug, row.item_id);
    if (row.lang === 'en') owner.set(row.item_slug, row.item_id);
  }
  const free = (slug: string, itemId: number) => {
    const holder = owner.get(slug);
    return holder === undefined || holder === itemId;
  };

  for (const row of rows) {
    if (row.slug) continue;
    let slug: string;
    if (row.lang === 'en') {
      slug = row.item_slug;
    } else {
      const base = transliterate(row.title) || row.item_slug;
      const year = row.item_date.slice(0, 4);
      const candidates = [base, `${base}-${year}`, `${base}-${row.item_date}`];
      slug = candidates.find((c) => free(c, row.item_id)) ?? '';
      for (let n = 2; slug === ''; n += 1) {
        const candidate = `${base}-${row.item_date}-${n}`;
        if (free(candidate, row.item_id)) slug = candidate;
      }
    }
    owner.set(slug, row.item_id);
    await db
      .updateTable(kind.translations)
      .set({ slug })
      .where(kind.key, '=', row.item_id)
      .where('lang', '=', row.lang)
      .execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const kind of KINDS) await backfill(db, kind);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const kind of KINDS) await db.updateTable(kind.translations).set({ slug: null }).execute();
}
