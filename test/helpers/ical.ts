import ICAL from 'ical.js';

// NAME (RFC 7986) and X-WR-CALNAME are TEXT, which ical.js does not know: without this it
// would hand back their escaped form, and a test could not tell escaped from broken.
for (const name of ['name', 'x-wr-calname']) ICAL.design.icalendar.property[name] ??= { defaultType: 'text' };

/** Parses iCalendar text with ical.js, registering its time zones, and returns the events by UID. */
export function parseCalendar(text: string): { calendar: ICAL.Component; events: Map<string, ICAL.Event> } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = new Map<string, ICAL.Event>();
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    events.set(event.uid, event);
  }
  return { calendar, events };
}
