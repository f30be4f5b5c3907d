/**
 * The fields only articles have on the admin's form: the date, the hero
 * image, the photo credit and the byline. The pages around them, and the
 * translated fields the description declares (the body, the hero's alt
 * text, the byline's role and organisation), are the content admin's.
 */
import { InputField, SelectField, type KindFieldsProps } from '../../content/index.js';
import { HeroPickerField, type HeroFormExtras } from '../../media/index.js';
import { BYLINE_KINDS, type ArticleFormValues } from '../articles.schemas.js';

/** What the article form loads besides its values: the hero's choices. */
export type ArticleFormExtras = HeroFormExtras;

/** An article's details: its date and hero image, then the photo credit and the byline. */
export function ArticleDetailFields({ ctx, values, errors, extras }: KindFieldsProps<ArticleFormValues, ArticleFormExtras>) {
  const { t } = ctx;
  const e = (name: string) => errors[name];
  return (
    <>
      <fieldset class="form-section">
        <legend>{t('editing.form.details')}</legend>
        <InputField name="published_on" type="date" label={t('editing.field.published_on')} hint={t('editing.hint.date')} value={values.published_on} error={e('published_on')} required />
        <HeroPickerField ctx={ctx} value={values.hero_media_id} choices={extras.heroChoices} error={e('hero_media_id')} />
        <InputField name="hero_image_path" label={t('editing.field.hero_image_path')} hint={t('editing.hint.heroImage')} value={values.hero_image_path} error={e('hero_image_path')} />
      </fieldset>

      <fieldset class="form-section">
        <legend>{t('editing.form.attribution')}</legend>
        <div class="field-row">
          <InputField name="credit_holder" label={t('editing.field.credit_holder')} value={values.credit_holder} error={e('credit_holder')} />
          <InputField name="credit_photographer" label={t('editing.field.credit_photographer')} value={values.credit_photographer} error={e('credit_photographer')} />
          <InputField name="credit_year" label={t('editing.field.credit_year')} hint={t('editing.hint.creditYear')} value={values.credit_year} error={e('credit_year')} maxLength={4} />
        </div>
        <SelectField
          name="byline_kind"
          label={t('editing.field.byline_kind')}
          value={values.byline_kind}
          error={e('byline_kind')}
          options={[{ value: '', label: t('editing.byline.none') }, ...BYLINE_KINDS.map((kind) => ({ value: kind, label: t(`editing.byline.${kind}`) }))]}
        />
        <InputField name="byline_name" label={t('editing.field.byline_name')} value={values.byline_name} error={e('byline_name')} />
      </fieldset>
    </>
  );
}
