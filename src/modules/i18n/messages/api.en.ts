/** Interface text in English: the read API's page. */
export const apiEn = {
  'api.title': 'Read API',
  'api.intro':
    'Other sites, dashboards and apps can read the office’s events, feature articles, topics and programmes as JSON, in English and Vietnamese, without signing in.',
  'api.openapiLink': 'The OpenAPI 3.1 description of the API (JSON)',
  'api.basics': 'How it works',
  'api.basics.base': 'Only GET is offered. Every address below starts with',
  'api.basics.lang': 'lang=en (the default) or lang=vi chooses the language of the texts. A text not yet published in Vietnamese is given in English: each text says its language and whether it is that fallback.',
  'api.basics.visible': 'The API gives exactly what visitors may see on the site now: nothing in draft or in review, and nothing scheduled before its time.',
  'api.basics.paging':
    'Listings come a page at a time (limit, 20 by default, at most 100). To get the next page, send the page’s next_cursor as cursor with the same filters, or follow next. A cursor stays good when items are added or removed before it.',
  'api.basics.caching':
    'Answers carry an ETag: send it back in If-None-Match and an unchanged answer is an empty 304. Cache-Control is that of the site’s pages; an answer changes as soon as the content does.',
  'api.basics.cors': 'Pages of any origin may read the API from a browser (CORS, without credentials).',
  'api.basics.errors': 'An error is answered as RFC 9457 problem details (application/problem+json), naming each parameter at fault.',
  'api.endpoints': 'Endpoints',
  'api.objects': 'Objects',
  'api.parameters': 'Parameters',
  'api.fields': 'Fields',
  'api.required': 'required',
  'api.optional': 'may be absent',
  'api.problems': 'Problems',
  'api.problems.intro': 'The code of each problem, as in its type and code fields:',
  'api.problem.invalid_input': '400: a parameter the endpoint does not take, a value it cannot read (a date, a year, a slug), a topic or programme no one has, or a cursor from another listing or altered. The errors list names each parameter.',
  'api.problem.not_found': '404: no such address, or no item visitors may see has this id or slug.',
  'api.problem.internal_error': '500: the server could not answer. The detail gives a reference to quote to the office.',
};
