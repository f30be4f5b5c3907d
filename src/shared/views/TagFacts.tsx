import { TermLinks } from './TermLinks.js';
import type { Lang } from '../http/paths.js';

type Terms = { slug: string; name: string }[];

/** An item's programmes and topics as facts of its page (a `dt` and `dd` each, those it has), under the kind's labels. */
export function TagFacts({ lang, labels, programmes, topics }: { lang: Lang; labels: { programmes: string; topics: string }; programmes: Terms; topics: Terms }) {
  const fact = (label: string, kind: 'programme' | 'topic', terms: Terms) =>
    terms.length > 0 ? (
      <>
        <dt>{label}</dt>
        <dd>
          <TermLinks lang={lang} kind={kind} terms={terms} />
        </dd>
      </>
    ) : null;
  return (
    <>
      {fact(labels.programmes, 'programme', programmes)}
      {fact(labels.topics, 'topic', topics)}
    </>
  );
}
