/**
 * The fields only articles have on the admin's form: the body, the hero
 * image and its alt text, the photo credit and the byline. The pages around
 * them are the content admin's.
 */
import { InputField, SelectField, TextAreaField, type KindFieldsProps, type KindTextFieldsProps } from '../../content/index.js';
import { HeroPickerField, type HeroFormExtras } from '../../media/index.js';
import { BYLINE_KINDS, type ArticleFormValues } from '../articles.schemas.js';

/** What the article form loads besides its values: the hero's choices. */
export type ArticleFormExtras = HeroFormExtras;

/** An article's translated text after its title and summary: the body, the hero's alt text, the byline's role and organisation. */
export function ArticleTextFields({ ctx, lang, values, errors }: KindTextFieldsProps<ArticleFormValues>) {
  const { t } = ctx;
  return (
    <>
      <TextAreaField name={`${lang}_body`} label={t('editing.field.body')} hint={t('editing.hint.body')} value={values[`${lang}_body`]} error={errors[`${lang}_body`]} lang={lang} rows={16} />
      <InputField name={`${lang}_hero_alt`} label={t('editing.field.hero_alt')} value={values[`${lang}_hero_alt`]} error={errors[`${lang}_hero_alt`]} lang={lang} />
      <InputField name={`${lang}_byline_role`} label={t('editing.field.byline_role')} value={values[`${lang}_byline_role`]} error={errors[`${lang}_byline_role`]} lang={lang} />
      <InputField
        name={`${lang}_byline_organisation`}
        label={t('editing.field.byline_organisation')}
        value={values[`${lang}_byline_organisation`]}
        error={errors[`${lang}_byline_organisation`]}
        lang={lang}
      />
    </>
  );
}

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
