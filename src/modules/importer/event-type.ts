import type { AttendanceMode, EventType } from '../../db/schema.js';

/** Words in a title that name the kind of event, in English and Vietnamese. */
const TYPE_WORDS: [EventType, RegExp][] = [
  ['webinar', /webinar|hội thảo trực tuyến|hội thảo trực tuyến/iu],
  ['study_visit', /study visit|study tour|chuyến (học tập|tham quan)/iu],
  ['consultation', /consultation|tham vấn/iu],
  ['workshop', /workshop|hội thảo/iu],
  ['training', /training|tập huấn|đào tạo/iu],
  ['launch', /launch|ra mắt/iu],
  ['survey', /survey|khảo sát|điều tra/iu],
  ['meeting', /meeting|cuộc họp|hội nghị|họp/iu],
];

/**
 * Guesses an event's type from its title: the type word that comes first wins
 * ("Launch of Convention 98 and consultation …" is a launch). Titles naming
 * none are "other"; editors can change it.
 */
export function inferEventType(title: string): EventType {
  let best: { type: EventType; at: number } | null = null;
  for (const [type, re] of TYPE_WORDS) {
    const m = re.exec(title);
    if (m && (best === null || m.index < best.at)) best = { type, at: m.index };
  }
  return best?.type ?? 'other';
}

/** Webinars and events called virtual or online happen online. */
export function inferAttendanceMode(title: string): AttendanceMode {
  return /webinar|virtual|online|trực tuyến/iu.test(title) ? 'online' : 'in_person';
}
