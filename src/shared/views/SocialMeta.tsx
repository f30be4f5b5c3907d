import type { ViewContext } from './view-context.js';
import { SHARE_IMAGE, shareImageUrl } from '../http/assets.js';
import { ShellCache, fillShell, hole } from './shell.js';

/** What a page offers link previews beyond its title and description. */
export interface SocialInfo {
  /** 'article' for an article's page; 'website' otherwise. */
  type?: 'website' | 'article';
  /** An image for previews: absolute or site-relative URL, and its description. */
  image?: { url: string; alt?: string | null | undefined } | undefined;
}

// Open Graph names languages with a territory.
const OG_LOCALES = { en: 'en_GB', vi: 'vi_VN' } as const;

/**
 * Open Graph and Twitter card tags, so links shared on social networks and
 * in chat apps show the page's title, summary and image (the site's default
 * picture when the page has none).
 */
export function SocialMeta({ ctx, title, description, url, social }: { ctx: ViewContext; title: string; description?: string | undefined; url?: string | undefined; social?: SocialInfo | undefined }) {
  const own = social?.image ? (/^https?:\/\//i.test(social.image.url) ? social.image.url : `${ctx.publicUrl}${social.image.url}`) : undefined;
  // Every page gets a picture in previews: its own, else the site's (whose size is known).
  const image = own ?? `${ctx.publicUrl}${shareImageUrl()}`;
  const alt = own ? social?.image?.alt : undefined;
  const tags: SocialTagsProps = { ctx, title, description, url, type: social?.type ?? 'website', own: own !== undefined, image, alt };
  // A value put in a hole must be text that is not empty: a page with an empty title has its tags rendered in full.
  if (title === '' || image === '') return <SocialTags {...tags} />;
  const key = [ctx.lang, ctx.siteName, tags.type, description ? 'd' : '', url ? 'u' : '', own ? 'o' : '', alt ? 'a' : ''].join('\u0000');
  const shell = shells.get(ctx.t, key, () => (
    <SocialTags {...tags} title={hole(0)} description={description ? hole(1) : undefined} url={url ? hole(2) : undefined} image={hole(3)} alt={alt ? hole(4) : undefined} />
  ));
  return fillShell(shell, [title, description, url, image, alt]);
}

// The tags are the same on every page of a language but for the page's title, description, URL and picture.
const shells = new ShellCache<ViewContext['t']>();

interface SocialTagsProps {
  ctx: ViewContext;
  title: string;
  description: string | undefined;
  url: string | undefined;
  type: 'website' | 'article';
  /** Whether the picture is the page's own (else the site's). */
  own: boolean;
  image: string;
  alt: string | null | undefined;
}

function SocialTags({ ctx, title, description, url, type, own, image, alt }: SocialTagsProps) {
  return (
    <>
      <meta property="og:site_name" content={ctx.siteName} />
      <meta property="og:type" content={type} />
      <meta property="og:title" content={title} />
      {description ? <meta property="og:description" content={description} /> : null}
      {url ? <meta property="og:url" content={url} /> : null}
      <meta property="og:locale" content={OG_LOCALES[ctx.lang]} />
      {Object.entries(OG_LOCALES)
        .filter(([lang]) => lang !== ctx.lang)
        .map(([, locale]) => (
          <meta property="og:locale:alternate" content={locale} />
        ))}
      <meta property="og:image" content={image} />
      {own ? null : <meta property="og:image:width" content={String(SHARE_IMAGE.width)} />}
      {own ? null : <meta property="og:image:height" content={String(SHARE_IMAGE.height)} />}
      {own && alt ? <meta property="og:image:alt" content={alt} /> : null}
      {/* The site's picture is its mark, shown small; a page's own picture is shown large. */}
      <meta name="twitter:card" content={own ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={title} />
      {description ? <meta name="twitter:description" content={description} /> : null}
      <meta name="twitter:image" content={image} />
      {own && alt ? <meta name="twitter:image:alt" content={alt} /> : null}
    </>
  );
}
