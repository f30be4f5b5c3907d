/**
 * The head of a listed item, the same in every list of events or articles
 * (listings, home page, related items): its title as a link, a mark when it
 * is shown in another language, whatever the kind adds beside the title, and
 * its date.
 */
import type { ComponentChildren } from 'preact';
import type { Lang } from '../dates/format.js';
import { UntranslatedBadge, langAttr } from './Untranslated.js';
import type { ViewContext } from './view-context.js';

interface ItemLinkProps {
  ctx: ViewContext;
  href: string;
  title: string;
  /** The language the item's text is shown in. */
  textLang: Lang;
  /** Marks after the title and its badge (an event's status). */
  marks?: ComponentChildren;
  /** The item's date, as the kind shows it. */
  date: ComponentChildren;
}

export function ItemLink({ ctx, href, title, textLang, marks, date }: ItemLinkProps) {
  return (
    <>
      <a class="item-title" href={href} lang={langAttr(textLang, ctx.lang)}>
        {title}
      </a>
      <UntranslatedBadge ctx={ctx} textLang={textLang} />
      {marks ?? null}
      <p class="item-date">{date}</p>
    </>
  );
}
