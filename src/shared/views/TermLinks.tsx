import { programmePath, topicPath, type Lang } from '../http/paths.js';

/** An item's topics or programmes, each a link to its page, separated by commas. */
export function TermLinks({ lang, kind, terms }: { lang: Lang; kind: 'topic' | 'programme'; terms: { slug: string; name: string }[] }) {
  const path = kind === 'topic' ? topicPath : programmePath;
  return (
    <>
      {terms.map((term, i) => (
        <>
          {i > 0 ? ', ' : null}
          <a class={`term-link term-link--${kind}`} href={path(lang, term.slug)}>
            {term.name}
          </a>
        </>
      ))}
    </>
  );
}
