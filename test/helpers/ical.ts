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

/** Every session a calendar program sees in `text`: start and end instants, whether cancelled, by UID. */
export function expandWithIcalJs(text: string): { uid: string; start: string; end: string; cancelled: boolean }[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevents = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  const sessions: { uid: string; start: string; end: string; cancelled: boolean }[] = [];
  for (const master of vevents.filter((e) => !e.isRecurrenceException())) {
    for (const exception of vevents.filter((e) => e.isRecurrenceException() && e.uid === master.uid)) master.relateException(exception);
    if (!master.isRecurring()) {
      sessions.push({ uid: master.uid, start: master.startDate.toJSDate().toISOString(), end: master.endDate.toJSDate().toISOString(), cancelled: master.component.getFirstPropertyValue('status') === 'CANCELLED' });
      continue;
    }
    const iterator = master.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = master.getOccurrenceDetails(next);
      sessions.push({
        uid: master.uid,
        start: details.startDate.toJSDate().toISOString(),
        end: details.endDate.toJSDate().toISOString(),
        cancelled: details.item.component.getFirstPropertyValue('status') === 'CANCELLED',
      });
    }
  }
  return sessions;
}
