import type { ViewContext } from './view-context.js';

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
 * in chat apps show the page's title, summary and image.
 */
export function SocialMeta({ ctx, title, description, url, social }: { ctx: ViewContext; title: string; description?: string | undefined; url?: string | undefined; social?: SocialInfo | undefined }) {
  const image = social?.image ? (/^https?:\/\//i.test(social.image.url) ? social.image.url : `${ctx.publicUrl}${social.image.url}`) : undefined;
  return (
    <>
      <meta property="og:site_name" content={ctx.siteName} />
      <meta property="og:type" content={social?.type ?? 'website'} />
      <meta property="og:title" content={title} />
      {description ? <meta property="og:description" content={description} /> : null}
      {url ? <meta property="og:url" content={url} /> : null}
      <meta property="og:locale" content={OG_LOCALES[ctx.lang]} />
      {Object.entries(OG_LOCALES)
        .filter(([lang]) => lang !== ctx.lang)
        .map(([, locale]) => (
          <meta property="og:locale:alternate" content={locale} />
        ))}
      {image ? <meta property="og:image" content={image} /> : null}
      {image && social?.image?.alt ? <meta property="og:image:alt" content={social.image.alt} /> : null}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={title} />
      {description ? <meta name="twitter:description" content={description} /> : null}
      {image ? <meta name="twitter:image" content={image} /> : null}
      {image && social?.image?.alt ? <meta name="twitter:image:alt" content={social.image.alt} /> : null}
    </>
  );
}
