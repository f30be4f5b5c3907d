import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { casesOf } from '../../../test/helpers/cases.js';
import { asStored, verdictOf } from '../../../test/helpers/forms.js';
import { EARLIEST_YEAR, LATEST_YEAR, MAX_EVENT_DAYS } from '../../shared/dates/bounds.js';
import { emptyText } from '../content/index.js';
import { translator } from '../i18n/index.js';
import { EVENT_TEXT_FIELDS, eventFormValues, newEventFormValues, readEventForm, validateEventForm, type EventFormValues } from './events.schemas.js';
import { eventTexts } from './events.type.js';

const OFFICE = 'Asia/Ho_Chi_Minh';

function form(fields: Record<string, string | string[]>): EventFormValues {
  return readEventForm({ event_type: 'workshop', attendance_mode: 'in_person', all_day: '1', start_date: '2026-12-03', en_title: 'Workshop in Đắk Lắk', ...fields });
}

describe('what the form refuses, and the message by each field refused', () => {
  casesOf((fields: Record<string, string | string[]>) => verdictOf(validateEventForm(form(fields), OFFICE)), {
    'the English title and the start date are required; the Vietnamese text is optional': [
      [{ en_title: '   ', start_date: '' }, { en_title: 'editing.error.required', start_date: 'editing.error.required' }],
    ],
    'dates must exist and the end cannot come before the start': [
      [{ start_date: '2026-02-30' }, { start_date: 'editing.error.date' }],
      [{ start_date: '3 December 2026' }, { start_date: 'editing.error.date' }],
      [{ end_date: '2026-12-02' }, { end_date: 'editing.error.endBeforeStart' }],
      [{ end_date: '2026-12-03' }, 'accepted'],
    ],
    'dates lie in the years 1900 to 2100 and an event lasts at most two years': [
      [{ start_date: '1899-12-31' }, { start_date: 'editing.error.dateOutsideYears' }],
      [{ start_date: '2000-01-01', end_date: '3999-12-31' }, { end_date: 'editing.error.dateOutsideYears' }],
      [
        { all_day: '', start_date: '2000-01-01', end_date: '3999-12-31', start_time: '09:00', end_time: '17:00', time_zone: 'America/New_York' },
        { end_date: 'editing.error.dateOutsideYears' },
      ],
      [{ start_date: '2026-01-01', end_date: '2028-01-02' }, { end_date: 'editing.error.eventTooLong' }],
      [{ start_date: '2026-01-01', end_date: '2027-12-31' }, 'accepted'],
    ],
    'times: required when not all day, well formed, existing, and the end after the start': [
      [{ all_day: '' }, { start_time: 'editing.error.timeRequired' }],
      [{ all_day: '', start_time: '9am' }, { start_time: 'editing.error.time' }],
      [{ all_day: '', start_time: '10:00', end_time: '09:00' }, { end_time: 'editing.error.endTimeBeforeStart' }],
      [{ all_day: '', start_date: '2026-03-08', start_time: '02:30', time_zone: 'America/Los_Angeles' }, { start_time: 'editing.error.timeDoesNotExist' }],
      [{ all_day: '', start_time: '10:00', time_zone: 'Hanoi' }, { time_zone: 'editing.error.timeZone' }],
    ],
    'addresses and emails are checked': [
      [
        { online_url: 'zoom meeting', registration_url: 'javascript:alert(1)', contact_email: 'office at ilo' },
        { online_url: 'editing.error.url', registration_url: 'editing.error.url', contact_email: 'editing.error.email' },
      ],
    ],
    'an address with a control character in it is refused, not stored': [
      [
        { online_url: 'https://meet.example.org/ilo\0room', registration_url: 'https://example.org/\u0007register' },
        { online_url: 'editing.error.url', registration_url: 'editing.error.url' },
      ],
    ],
    'choices must be from the lists': [[{ event_type: 'party', attendance_mode: 'telepathy' }, { event_type: 'editing.error.choice', attendance_mode: 'editing.error.choice' }]],
    'a slug, when typed, must look like one': [
      [{ slug: 'Đắk Lắk' }, { slug: 'editing.error.slug' }],
      [{ slug: 'dak--lak' }, { slug: 'editing.error.slug' }],
    ],
    'any Vietnamese field asks for a Vietnamese title': [
      [{ vi_city: 'Buôn Ma Thuột' }, { vi_title: 'editing.error.viTitleRequired' }],
      [{ vi_slug: 'hoi-thao' }, { vi_title: 'editing.error.viTitleRequired' }],
    ],
    'the Vietnamese slug must look like one and its status be one of the list': [
      [{ vi_title: 'Hội thảo', vi_slug: 'Hội thảo', vi_status: 'live' }, { vi_slug: 'editing.error.slug', vi_status: 'editing.error.choice' }],
    ],
    'too long text and bad ids are refused': [[{ en_title: 'x'.repeat(301), topics: ['1', 'drop table'] }, { en_title: 'editing.error.tooLong', topics: 'editing.error.unknownTaxonomy' }]],
    'a title of nothing but control characters is empty: required in English, and in Vietnamese once other Vietnamese text is given': [
      [{ en_title: '\0\v\u0085', vi_title: '\0\u0007', vi_summary: 'Hai ngày.' }, { en_title: 'editing.error.required', vi_title: 'editing.error.viTitleRequired' }],
    ],
  });
});

test('a valid all-day event becomes an input with English text and no Vietnamese', () => {
  const result = validateEventForm(form({ end_date: '2026-12-04', en_summary: '  Two days.  ', topics: ['3', '1', '3'] }), OFFICE);
  assert.ok(result.ok);
  assert.equal(result.input.start_date, '2026-12-03');
  assert.equal(result.input.end_date, '2026-12-04');
  assert.equal(result.input.all_day, true);
  assert.equal(result.input.starts_at, null);
  assert.equal(result.input.en.title, 'Workshop in Đắk Lắk');
  assert.equal(result.input.en.summary, 'Two days.');
  assert.equal(result.input.vi, null);
  assert.equal(result.input.slug, null);
  assert.equal(result.input.time_zone, OFFICE);
  assert.deepEqual(result.input.topics, [1, 3]);
  assert.equal(result.revision, null);
});

test('a one-day event has no end date: an end typed on the first day is none, all-day or timed', () => {
  const allDay = validateEventForm(form({ start_date: '2026-12-03', end_date: '2026-12-03' }), OFFICE);
  assert.ok(allDay.ok);
  assert.equal(allDay.input.end_date, null);
  const timed = validateEventForm(form({ all_day: '', start_date: '2026-12-03', end_date: '2026-12-03', start_time: '09:00', end_time: '11:30' }), OFFICE);
  assert.ok(timed.ok);
  assert.equal(timed.input.end_date, null);
  assert.equal(timed.input.ends_at, '2026-12-03T04:30:00.000Z');
  const twoDays = validateEventForm(form({ start_date: '2026-12-03', end_date: '2026-12-04' }), OFFICE);
  assert.ok(twoDays.ok);
  assert.equal(twoDays.input.end_date, '2026-12-04');
});

test("the messages of the years and the longest event state the rule's own bounds, in both languages", () => {
  for (const lang of ['en', 'vi'] as const) {
    const t = translator(lang);
    assert.match(t('editing.error.dateOutsideYears'), new RegExp(`${EARLIEST_YEAR}.*${LATEST_YEAR}`));
    assert.match(t('editing.error.eventTooLong'), new RegExp(String(MAX_EVENT_DAYS)));
  }
});

test('a timed event is stored as UTC instants from local times in the office zone by default', () => {
  const result = validateEventForm(form({ all_day: '', start_time: '09:00', end_time: '16:30' }), OFFICE);
  assert.ok(result.ok);
  assert.equal(result.input.all_day, false);
  assert.equal(result.input.starts_at, '2026-12-03T02:00:00.000Z');
  assert.equal(result.input.ends_at, '2026-12-03T09:30:00.000Z');
  assert.equal(result.input.start_date, '2026-12-03');
});

test('a timed event in another zone uses that zone, daylight saving included', () => {
  const result = validateEventForm(
    form({ all_day: '', start_date: '2026-07-01', end_date: '2026-07-02', start_time: '18:00', end_time: '10:00', time_zone: 'Europe/Zurich' }),
    OFFICE,
  );
  assert.ok(result.ok);
  assert.equal(result.input.starts_at, '2026-07-01T16:00:00.000Z');
  assert.equal(result.input.ends_at, '2026-07-02T08:00:00.000Z');
  assert.equal(result.input.time_zone, 'Europe/Zurich');
});

test('times typed for an all-day event are ignored', () => {
  const result = validateEventForm(form({ start_time: '10:00', end_time: '09:00' }), OFFICE);
  assert.ok(result.ok);
  assert.equal(result.input.starts_at, null);
  assert.equal(result.input.ends_at, null);
});

test('a well-formed address and email are kept', () => {
  const ok = validateEventForm(form({ online_url: 'https://ilo.zoom.us/j/123', contact_email: 'hanoi@ilo.org' }), OFFICE);
  assert.ok(ok.ok);
  assert.equal(ok.input.online_url, 'https://ilo.zoom.us/j/123');
});

test('a typed slug that looks like one is kept', () => {
  const ok = validateEventForm(form({ slug: 'dak-lak-2026' }), OFFICE);
  assert.ok(ok.ok);
  assert.equal(ok.input.slug, 'dak-lak-2026');
});

test('a Vietnamese title with other Vietnamese text makes the Vietnamese input', () => {
  const ok = validateEventForm(form({ vi_title: 'Hội thảo tại Đắk Lắk', vi_city: 'Buôn Ma Thuột' }), OFFICE);
  assert.ok(ok.ok);
  assert.deepEqual(ok.input.vi, {
    ...emptyText(eventTexts),
    title: 'Hội thảo tại Đắk Lắk',
    city: 'Buôn Ma Thuột',
    slug: null,
    status: null,
  });
  assert.equal(ok.input.vi_current, false);
});

test('the Vietnamese slug, status and "checked against the English" are read', () => {
  const ok = validateEventForm(form({ vi_title: 'Hội thảo', vi_slug: 'hoi-thao-dak-lak', vi_status: 'published', vi_current: '1' }), OFFICE);
  assert.ok(ok.ok);
  assert.equal(ok.input.vi?.slug, 'hoi-thao-dak-lak');
  assert.equal(ok.input.vi?.status, 'published');
  assert.equal(ok.input.vi_current, true);
});

test('the revision the form was loaded at is read from the hidden field', () => {
  const result = validateEventForm(form({ revision: '7' }), OFFICE);
  assert.ok(result.ok);
  assert.equal(result.revision, 7);
});

test('reading the form keeps exactly what was typed, and repeated fields become lists', () => {
  const values = readEventForm({ en_title: '  spaced  ', topics: '4', programmes: ['1', '2'], all_day: ['1', '1'] });
  assert.equal(values.en_title, '  spaced  ');
  assert.deepEqual(values.topics, ['4']);
  assert.deepEqual(values.programmes, ['1', '2']);
  assert.equal(values.all_day, '1');
  assert.equal(values.vi_description, '');
});

test('a stored timed event shows its local times and validates back to the same input', () => {
  const first = validateEventForm(
    form({ all_day: '', start_time: '08:30', end_time: '17:00', end_date: '2026-12-04', vi_title: 'Hội thảo', programmes: ['2'] }),
    OFFICE,
  );
  assert.ok(first.ok);
  assert.deepEqual(first.input.vi && { slug: first.input.vi.slug, status: first.input.vi.status }, { slug: null, status: null });
  const stored = asStored(first.input, 'workshop-in-dak-lak', { slug: 'hoi-thao', status: 'published' });
  const values = eventFormValues(stored, 3);
  assert.equal(values.start_time, '08:30');
  assert.equal(values.end_time, '17:00');
  assert.equal(values.revision, '3');
  assert.equal(values.slug, 'workshop-in-dak-lak');
  assert.equal(values.vi_slug, 'hoi-thao');
  assert.equal(values.vi_status, 'published');
  const again = validateEventForm(values, OFFICE);
  assert.ok(again.ok);
  assert.deepEqual(again.input, { ...stored, vi_current: false });
});

test('a new event form starts as an all-day meeting today in the office zone', () => {
  const values = newEventFormValues('2026-11-23', OFFICE);
  assert.equal(values.start_date, '2026-11-23');
  assert.equal(values.all_day, '1');
  assert.equal(values.time_zone, OFFICE);
  assert.equal(values.en_title, '');
});

test('text is normalised: a pasted vertical tab is a line break in a summary and a space in a title; NUL and other controls go', () => {
  const result = validateEventForm(form({ en_title: ' Workshop\vin\0 Đắk Lắk\r\n', en_summary: 'Day one.\vDay two.\0\u0085', en_venue: 'Hotel\u0007 Melia' }), OFFICE);
  assert.ok(result.ok);
  assert.equal(result.input.en.title, 'Workshop in Đắk Lắk');
  assert.equal(result.input.en.summary, 'Day one.\nDay two.');
  assert.equal(result.input.en.venue, 'Hotel Melia');
});

test('no text field of either language lets a control character through', () => {
  const hostile = 'Hội\vthảo\0\u0007\u001b\u007f\u0085\u009b\uD800\uFFFE';
  const fields: Record<string, string> = {};
  for (const lang of ['en', 'vi']) for (const field of EVENT_TEXT_FIELDS) fields[`${lang}_${field}`] = hostile;
  const result = validateEventForm(form(fields), OFFICE);
  assert.ok(result.ok);
  const texts = [result.input.en, result.input.vi].flatMap((t) => EVENT_TEXT_FIELDS.map((f) => t?.[f]));
  assert.equal(texts.length, EVENT_TEXT_FIELDS.length * 2);
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  for (const text of texts) assert.doesNotMatch(String(text), /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Cs}\uFFFE]/u);
});
