/**
 * What the events and articles admin routes share: reading ids and list
 * filters from the address, the schedule field, the names of the people in a
 * history, and the banner of a preview.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isDatabaseBusy } from '../../../db/database.js';
import type { Database, LangCode } from '../../../db/schema.js';
import { AppError, NotFoundError, ValidationError } from '../../../shared/errors.js';
import { zonedTimeToInstant } from '../../../shared/dates/zoned-time.js';
import { normalizeText } from '../../../shared/text/normalize.js';
import type { AdminViewContext } from '../../admin/index.js';

/** The `:id` of an address; a path that is not a whole number names nothing (404). */
export function idParam(params: unknown): number {
  const id = (params as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string' || !/^[1-9]\d{0,9}$/.test(id)) throw new NotFoundError();
  return Number(id);
}

const listQuery = {
  status: z.enum(['all', 'draft', 'in_review', 'scheduled', 'published']),
  page: z.coerce.number().int().min(1).max(100000),
  vi: z.enum(['any', 'with', 'without']),
  q: z.string(),
};

/** Longest search kept: a title's words, not a page of text. */
const SEARCH_MAX_LENGTH = 200;

/** What an admin list shows: its state filter, words searched for, Vietnamese text or not, and page. */
export interface ListQuery {
  status: z.infer<typeof listQuery.status>;
  page: number;
  vi: z.infer<typeof listQuery.vi>;
  q: string;
}

/** `?status=&q=&vi=&page=` of an admin list; each one unknown is left at showing everything (page 1). */
export function parseListQuery(query: unknown): ListQuery {
  const raw = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const field = <T,>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  };
  return {
    status: field(listQuery.status, raw.status, 'all'),
    page: field(listQuery.page, raw.page, 1),
    vi: field(listQuery.vi, raw.vi, 'any'),
    q: normalizeText(field(listQuery.q, raw.q, '')).replace(/\s+/g, ' ').trim().slice(0, SEARCH_MAX_LENGTH),
  };
}

const preview = z.object({ lang: z.enum(['en', 'vi']).default('en') });

/** `?lang=` of a preview: English unless Vietnamese is asked for. */
export function previewQuery(query: unknown): { lang: LangCode } {
  const parsed = preview.safeParse(query ?? {});
  return parsed.success ? parsed.data : { lang: 'en' };
}

/**
 * The schedule field ("2026-11-24T09:00", a datetime-local input) as an
 * instant, read in the office's zone. ValidationError on `publish_at` when it
 * is not a date and time that exists there.
 */
export function parseScheduleInput(value: string, zone: string): Date {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/.exec(value.trim());
  const instant = match ? zonedTimeToInstant(match[1]!, match[2]!, zone) : null;
  if (instant === null) throw new ValidationError('Enter a date and time.', { publish_at: 'editing.error.dateTime' });
  return new Date(instant);
}

/** Seconds a person is asked to wait before saving again after the database was busy (a long import's lock, at most). */
const BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * A save that failed for a reason other than the form or a conflict (the
 * database busy with an import or another server, or broken): the status and
 * message to show the form again with, everything typed kept, rather than an
 * error page that would lose it. Undefined for the errors the error handler
 * answers itself (not found, forbidden…), which lose nothing worth keeping.
 */
export function unsavedForm(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: AdminViewContext,
  error: unknown,
): { status: number; problem: string } | undefined {
  if (error instanceof AppError) return undefined;
  if (isDatabaseBusy(error)) {
    request.log.warn({ err: error }, 'save not made: the database was busy');
    reply.header('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
    return { status: 503, problem: ctx.t('editing.error.busy') };
  }
  request.log.error({ err: error, url: request.url, method: request.method }, 'save failed');
  return { status: 500, problem: ctx.t('editing.error.saveFailed') };
}

/** The names of accounts by id, for a history (a removed account is simply missing). */
export async function listUserNames(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Above a preview: it is one, in which language, whether it is live, and the way back. */
export function PreviewBanner({ ctx, editHref, lang, live }: { ctx: AdminViewContext; editHref: string; lang: LangCode; live: boolean }) {
  const { t } = ctx;
  return (
    <div class="preview-banner" role="note" lang={ctx.lang}>
      <p>
        <strong>{t('editing.preview.title')}</strong> {live ? t('editing.preview.live') : t('editing.preview.notLive')}{' '}
        {t(lang === 'vi' ? 'editing.preview.inVietnamese' : 'editing.preview.inEnglish')}
      </p>
      <p>
        <a href={editHref}>{t('editing.preview.back')}</a>
      </p>
    </div>
  );
}
