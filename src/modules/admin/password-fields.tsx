/**
 * A new password typed twice, as every form that sets one asks for it (the
 * first administrator's setup, a reset or invitation link, one's account):
 * both boxes marked as a new password so that password managers offer to
 * make and keep one.
 */
import { TextInput, type FieldErrors } from './components.js';

interface NewPasswordFieldsProps {
  labels: { password: string; confirm: string };
  /** What a good password is, under the first box. */
  hint: string;
  errors: FieldErrors;
}

export function NewPasswordFields({ labels, hint, errors }: NewPasswordFieldsProps) {
  return (
    <>
      <TextInput name="password" type="password" label={labels.password} hint={hint} error={errors.password} autocomplete="new-password" required />
      <TextInput name="confirm" type="password" label={labels.confirm} error={errors.confirm} autocomplete="new-password" required />
    </>
  );
}
