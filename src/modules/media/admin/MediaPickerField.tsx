import { ChoiceFieldset, type AdminViewContext } from '../../admin/index.js';
import type { PictureImage } from '../media.service.js';

/** Where to upload an image that is not in the library yet. */
export const MEDIA_UPLOAD_PATH = '/admin/media/new';

interface MediaPickerFieldProps {
  ctx: AdminViewContext;
  /** The form field, e.g. 'hero_media_id': its value is the chosen image's id, or '' for none. */
  name: string;
  label: string;
  /** The chosen image's id (as a number, or the string sent back by a form); null or '' for none. */
  value: number | string | null | undefined;
  /** The images to choose from (`loadImageChoices`): the newest, and the chosen one even if older. */
  choices: readonly PictureImage[];
  error?: string | undefined;
  hint?: string | undefined;
}

/** The smallest fallback size is plenty for a thumbnail and every browser shows it. */
function thumbnail(image: PictureImage) {
  return image.fallback[0];
}

/**
 * Choosing an image from the library without JavaScript: a radio button per
 * recent image, with its thumbnail and description, and "No image". A link
 * opens the upload form in a new tab, so the form being filled in here is
 * not lost; the new image is in the list the next time the form is shown.
 */
export function MediaPickerField({ ctx, name, label, value, choices, error, hint }: MediaPickerFieldProps) {
  const { t } = ctx;
  const chosen = value === null || value === undefined ? '' : String(value);
  return (
    <ChoiceFieldset name={name} legend={label} error={error} hint={hint} kind="media-picker">
      <ul class="media-picker__list">
        <li class="media-picker__choice media-picker__choice--none">
          <input type="radio" id={`${name}-none`} name={name} value="" checked={chosen === ''} />
          <label for={`${name}-none`}>{t('media.picker.none')}</label>
        </li>
        {choices.map((image) => {
          const thumb = thumbnail(image);
          const id = `${name}-${image.id}`;
          const alt = ctx.lang === 'vi' && image.altVi ? image.altVi : image.altEn;
          return (
            <li class="media-picker__choice">
              <input type="radio" id={id} name={name} value={String(image.id)} checked={chosen === String(image.id)} />
              <label for={id}>
                {thumb ? <img src={thumb.url} width={thumb.width} height={thumb.height} alt="" loading="lazy" /> : null}
                <span class="media-picker__alt">{alt}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {choices.length === 0 ? <p class="empty">{t('media.picker.empty')}</p> : null}
      <p class="media-picker__upload">
        <a href={MEDIA_UPLOAD_PATH} target="_blank" rel="noopener">
          {t('media.picker.upload')}
        </a>
      </p>
    </ChoiceFieldset>
  );
}

/** The hero image of an item, chosen from the library: the same field on every kind's form. */
export function HeroPickerField({ ctx, value, choices, error }: { ctx: AdminViewContext; value: string; choices: readonly PictureImage[]; error?: string | undefined }) {
  const { t } = ctx;
  return <MediaPickerField ctx={ctx} name="hero_media_id" label={t('editing.field.hero_media_id')} hint={t('editing.hint.heroMedia')} value={value} choices={choices} error={error} />;
}
