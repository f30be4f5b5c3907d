/**
 * An event's public page reads the event and what belongs to it (its texts,
 * tags, documents) in one statement, and shows what it showed when each was
 * read on its own. The related articles, which their own module reads, are
 * not counted here.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { LangCode } from '../../db/schema.js';
import { createTaggedContent, RELATED_SLUGS } from '../../../test/fixtures/tagged-content.js';
import { jpegWithGps, pdfDocument } from '../../../test/helpers/images.js';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { pageStatements } from '../../../test/helpers/statements.js';
import { attachDocument, uploadMedia } from '../media/index.js';
import { ensureTaxonomy, tagItem } from '../taxonomy/index.js';
import { createEvent } from '../../../test/helpers/factories.js';
import { eventDetail, getPublishedEvent } from './events.service.js';
import { findLiveEventByAddress } from './events.repository.js';

const NOW = new Date('2026-11-23T02:00:00Z');

describe("the reads of an event's page", () => {
  // Uncached, as every page is the first time it is asked for.
  const t = appForBlock({ env: { PAGE_CACHE: 'off' } });
  before(() => createTaggedContent(t.db));

  /** The statements the page at `url` runs, less the related articles', once anything it remembers is read. */
  async function ownStatements(url: string): Promise<string[]> {
    return (await pageStatements(t, url)).filter((statement) => !statement.includes('from "articles"'));
  }

  before(async () => {
    const deps = { db: t.db, config: t.config, now: () => NOW };
    const event = await findLiveEventByAddress(t.db, 'en', RELATED_SLUGS.event.en, NOW);
    assert.ok(event);
    const agenda = await uploadMedia(deps, { data: pdfDocument('Agenda'), originalName: 'Agenda.pdf', accept: 'document', userId: null });
    const note = await uploadMedia(deps, { data: pdfDocument('Note'), originalName: 'note.pdf', accept: 'document', userId: null });
    await attachDocument(deps, event.id, note.media.id, { labelEn: 'Concept note', labelVi: 'Bản thuyết minh' }, { userId: null });
    await attachDocument(deps, event.id, agenda.media.id, { labelEn: 'Agenda' }, { userId: null });
  });

  test('the event, its texts, tags and documents are one statement', async () => {
    for (const url of [`/en/events/${RELATED_SLUGS.event.en}`, `/vi/events/${RELATED_SLUGS.event.vi}`]) {
      assert.equal((await ownStatements(url)).length, 1, url);
    }
  });

  test('the same as reading the event and each of its lists on its own', async () => {
    const { db } = t;
    for (const [lang, slug] of [['en', RELATED_SLUGS.event.en], ['vi', RELATED_SLUGS.event.vi], ['vi', 'untagged-consultation']] as [LangCode, string][]) {
      const event = await findLiveEventByAddress(db, lang, slug, NOW);
      assert.ok(event);
      const shown = await getPublishedEvent(db, slug, lang, NOW);
      assert.deepEqual(shown, await eventDetail(db, event, lang));
      assert.equal(shown.attachments.length, slug === 'untagged-consultation' ? 0 : 2);
      assert.equal(shown.topics.length, slug === 'untagged-consultation' ? 0 : 1);
    }
  });

  test('a library hero comes in the same statement', async () => {
    const { media } = await uploadMedia(
      { db: t.db, config: t.config, now: () => NOW },
      { data: await jpegWithGps(800, 500), originalName: 'hero.jpg', altEn: 'A workshop', credit: 'ILO 2026', accept: 'image', userId: null },
    );
    await t.db.updateTable('events').set({ hero_media_id: media.id }).where('slug', '=', RELATED_SLUGS.event.en).execute();
    assert.equal((await ownStatements(`/en/events/${RELATED_SLUGS.event.en}`)).length, 1);
    const event = await findLiveEventByAddress(t.db, 'en', RELATED_SLUGS.event.en, NOW);
    assert.ok(event);
    const shown = await getPublishedEvent(t.db, RELATED_SLUGS.event.en, 'en', NOW);
    assert.equal(shown.hero?.id, media.id);
    assert.deepEqual(shown, await eventDetail(t.db, event, 'en'));
  });

  test('its lists are in their order, sorted once read rather than by the statement', async () => {
    // Topics whose ids run against their slugs' order, so that the order of the link table's index is not it.
    await ensureTaxonomy(
      t.db,
      {
        programmes: [{ slug: 'zz-programme', code: 'ZZ', match: [], name: { en: 'Last programme', vi: 'Dự án cuối' } }],
        topics: [
          { slug: 'zebra-topic', match: [], name: { en: 'Zebra', vi: 'Ngựa vằn' } },
          { slug: 'aardvark-topic', match: [], name: { en: 'Aardvark', vi: 'Lợn đất' } },
        ],
      },
      '2026-01-01T00:00:00.000Z',
    );
    const { id, slug } = await createEvent(t.db, { title: 'Three topics', start: '2026-12-12', slug: 'three-topics' });
    await tagItem(t.db, 'event', id, ['zz-programme', 'enhance'], ['zebra-topic', 'child-labour', 'aardvark-topic']);
    const [statement, ...others] = await ownStatements(`/en/events/${slug}`);
    assert.equal(others.length, 0);
    // The one order by left is the statement's own: none inside a list's aggregate, where SQLite built a temporary b-tree for each.
    assert.equal(statement?.match(/order by/gi)?.length, 1, statement);
    const shown = await getPublishedEvent(t.db, slug, 'en', NOW);
    assert.deepEqual(
      shown.topics.map((topic) => topic.slug),
      ['aardvark-topic', 'child-labour', 'zebra-topic'],
    );
    assert.deepEqual(
      shown.programmes.map((programme) => programme.slug),
      ['enhance', 'zz-programme'],
    );
    const event = await findLiveEventByAddress(t.db, 'en', slug, NOW);
    assert.ok(event);
    assert.deepEqual(shown, await eventDetail(t.db, event, 'en'));
  });
});
