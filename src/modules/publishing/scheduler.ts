/**
 * The timer that records scheduled events and articles going live. Visitors
 * see a scheduled item from its time on whether or not this has run (the
 * public queries compare with the clock); the timer only writes the
 * 'went_live' revision and audit entry, claiming each item with a conditional
 * UPDATE so that with several instances running, each item is recorded once.
 * Each pass also forgets unconfirmed subscribers and editors' autosaves past
 * their age, and makes the day's weekly digests (claimed the same way).
 * No outside cron is needed: the server starts it, and stops it on shutdown.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { startRepeatingPass, type RepeatingPass } from '../../shared/repeating-pass.js';
import { recordDueArticlesLive } from '../articles/index.js';
import { purgeAutosaves } from '../content/index.js';
import { recordDueEventsLive, refreshEventSessions } from '../events/index.js';
import { purgeUnconfirmed, sendWeeklyDigests, type SubscriptionSite } from '../subscriptions/index.js';

/**
 * How often to look for due items. Visibility does not wait for it, so this
 * only bounds how late the "went live" entry is written; a query every 30
 * seconds costs nothing.
 */
export const SCHEDULER_INTERVAL_MS = 30_000;

export interface DueItemsRecorded {
  events: number[];
  articles: number[];
}

/** Records every due event and article as gone live (see recordDueEventsLive). */
export async function recordDueItems(db: Kysely<Database>, now: Date): Promise<DueItemsRecorded> {
  const events = await recordDueEventsLive(db, now);
  const articles = await recordDueArticlesLive(db, now);
  return { events, articles };
}

export interface SchedulerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** The timer: `runOnce` runs a pass now, `stop` stops it and waits for a pass in progress. */
export type PublishScheduler = RepeatingPass<DueItemsRecorded>;

/**
 * Starts the timer: one pass at once (items that came due while no instance
 * was running), then one every `intervalMs`. A failing pass is logged and the
 * next one tries again. The timer does not keep the process alive.
 */
export function startPublishScheduler(
  deps: { db: Kysely<Database>; now: () => Date },
  options: {
    intervalMs?: number;
    log?: SchedulerLog;
    changes?: { announce(reason: string): Promise<void> };
    /** The site the weekly digests to subscribers come from; without it (the command line, some tests) none are made. */
    digests?: SubscriptionSite;
  } = {},
): PublishScheduler {
  const runOnce = async (): Promise<DueItemsRecorded> => {
    const recorded = await recordDueItems(deps.db, deps.now());
    // Addresses given to follow by email and never confirmed are forgotten after 7 days.
    await purgeUnconfirmed(deps.db, deps.now());
    // Editors' unsaved changes kept past their age (30 days) are forgotten, even when no one types.
    await purgeAutosaves(deps.db, deps.now());
    // Recurring events' sessions carried forward as the days pass (and made for events saved before they were kept).
    await refreshEventSessions(deps.db, deps.now());
    if (recorded.events.length + recorded.articles.length > 0) {
      options.log?.info(recorded, 'scheduled items went live');
      // Visitors saw them on time already (the page cache expires at each publication time); the
      // claim rewrote the rows, so copies of pages are renewed all the same.
      await options.changes?.announce('scheduled items went live');
    }
    // Subscribers whose digest day it is in the office's zone get it once, whichever instance gets there first.
    if (options.digests) {
      const digests = await sendWeeklyDigests(deps.db, options.digests, deps.now());
      if (digests > 0) options.log?.info({ digests }, 'weekly digests queued');
    }
    return recorded;
  };

  return startRepeatingPass(runOnce, {
    intervalMs: options.intervalMs ?? SCHEDULER_INTERVAL_MS,
    onError: (error) => options.log?.error({ err: error }, 'recording scheduled items failed'),
  });
}
