/**
 * The head of a listed item, the same in every list of events or articles
 * (listings, home page, related items): its title as a link, a mark when it
 * is shown in another language, whatever the kind adds beside the title, and
 * its date.
 */
import type { ComponentChildren } from 'preact';
import type { Lang } from '../dates/format.js';
import { ShellCache, fillShell, hole } from './shell.js';
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

/** The markup of an item's head: every value given, or a shell's holes. */
function ItemLinkView({ ctx, href, title, textLang, marks, date }: ItemLinkProps) {
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

// A listing shows dozens of items: their heads are filled into one shell for each language of the text.
const shells = new ShellCache<ViewContext['t']>();

export function ItemLink(props: ItemLinkProps) {
  const { ctx, href, title, textLang, marks, date } = props;
  if (href === '') return <ItemLinkView {...props} />;
  const shell = shells.get(ctx.t, `${ctx.lang}\u0000${textLang}`, () => (
    <ItemLinkView ctx={ctx} href={hole(0)} title={hole(1)} textLang={textLang} marks={hole(2)} date={hole(3)} />
  ));
  return fillShell(shell, [href, title, marks ?? null, date]);
}
