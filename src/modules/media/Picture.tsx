import { formatCredit, type PhotoCredit } from './photo-credit.js';
import type { Lang } from '../i18n/index.js';
import type { PictureImage, PictureSource } from './media.service.js';

/** Width of the `src` for browsers that ignore `srcset`: the hero's width on a 1× screen. */
const PLAIN_SRC_WIDTH = 960;

function srcset(sources: PictureSource[]): string {
  return sources.map((s) => `${s.url} ${s.width}w`).join(', ');
}

interface PictureProps {
  image: PictureImage;
  /** The page's language: the alt text is taken in it when there is one, else in English (marked as such). */
  lang: Lang;
  /** How wide the image is shown, for the browser to pick a size (the `sizes` attribute). */
  sizes: string;
  /** True for an image above the fold (a hero): loaded at once and early, not lazily. */
  eager?: boolean;
  class?: string;
}

/**
 * A library image as a responsive `<picture>`: AVIF and WebP sources, and an
 * `<img>` in JPEG (PNG for transparent images) with its own `srcset`, for
 * browsers that take neither. Width and height are given so the page does not
 * jump while it loads; the browser scales them with CSS (`height: auto`).
 */
export function Picture({ image, lang, sizes, eager = false, class: className }: PictureProps) {
  const alt = lang === 'vi' && image.altVi ? image.altVi : image.altEn;
  const altLang = lang !== 'en' && alt === image.altEn ? 'en' : undefined;
  const plain = [...image.fallback].reverse().find((s) => s.width <= PLAIN_SRC_WIDTH) ?? image.fallback[0];
  return (
    <picture class={className}>
      {image.avif.length > 0 ? <source type="image/avif" srcset={srcset(image.avif)} sizes={sizes} /> : null}
      {image.webp.length > 0 ? <source type="image/webp" srcset={srcset(image.webp)} sizes={sizes} /> : null}
      <img
        src={plain?.url}
        srcset={srcset(image.fallback)}
        sizes={sizes}
        width={image.width}
        height={image.height}
        alt={alt}
        lang={altLang}
        loading={eager ? undefined : 'lazy'}
        fetchpriority={eager ? 'high' : undefined}
        decoding="async"
      />
    </picture>
  );
}

/** A photo credit as the office writes it: "© ILO/Nguyen Hai Dat 2024". */
export function CreditCaption({ credit, class: className = 'credit' }: { credit: PhotoCredit | null; class?: string }) {
  return credit ? <figcaption class={className}>{formatCredit(credit)}</figcaption> : null;
}

/** A library image with its credit underneath, as a `<figure>`. */
export function MediaFigure(props: PictureProps & { figureClass?: string }) {
  const { figureClass, ...picture } = props;
  return (
    <figure class={figureClass}>
      <Picture {...picture} />
      <CreditCaption credit={picture.image.credit} />
    </figure>
  );
}

/** How wide a hero is shown: the whole column on phones, at most 60rem (the .hero's max-width) on wide screens. */
const HERO_SIZES = '(min-width: 62.5rem) 60rem, calc(100vw - 2.5rem)';

/** An item's hero image from the library, above the fold, with its credit: the same on every kind's page. */
export function HeroFigure({ image, lang }: { image: PictureImage; lang: Lang }) {
  return <MediaFigure figureClass="hero" image={image} lang={lang} sizes={HERO_SIZES} eager />;
}
