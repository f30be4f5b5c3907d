/** Interface text in English: a series of events and its page. */
export const seriesEn = {
  'series.kind': 'Event series',
  'series.upcoming': 'Upcoming sessions',
  'series.noUpcoming': 'No session is planned at the moment.',
  'series.past': 'Past sessions',
  'series.noPast': 'No session has taken place yet.',
  'series.sessionMoved': 'Moved from {date}',
  'series.sessionCancelled': 'Cancelled',
  'series.subscribe': 'Subscribe to this series\' calendar',
  'series.partOf': 'Part of the series {name}',
  'series.previousSession': 'Previous session',
  'series.nextSession': 'Next session',
} as const;
