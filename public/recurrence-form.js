// The event form's "Repeats" fieldset: shows only the fields that apply to
// the choices made (weekly: the weekdays; monthly: the day or the weekday of
// the month; an end date or a number of sessions), and updates as they
// change. Hidden fields keep their values and are still sent; the server
// reads only those that apply. Without this file every field is shown.
(() => {
  for (const fieldset of document.querySelectorAll('[data-recurrence]')) {
    const chosen = (name) => {
      const select = fieldset.querySelector(`select[name="${name}"]`);
      if (select) return select.value;
      return fieldset.querySelector(`input[name="${name}"]:checked`)?.value ?? '';
    };
    const show = (selector, attribute, value) => {
      for (const part of fieldset.querySelectorAll(selector)) {
        part.hidden = !part.getAttribute(attribute).split(' ').includes(value);
      }
    };
    const update = () => {
      show('[data-repeat-part]', 'data-repeat-part', chosen('repeat') || 'none');
      show('[data-monthly-part]', 'data-monthly-part', chosen('repeat_monthly') || 'day');
      show('[data-ends-part]', 'data-ends-part', chosen('repeat_ends') || 'never');
    };
    fieldset.addEventListener('change', update);
    update();
  }
})();
