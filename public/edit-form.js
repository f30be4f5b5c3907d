// The event and article edit pages, made safer and quicker with a script;
// without it every form works the same (the admin allows no inline script, so
// this file is served from /assets/ like the stylesheets):
// - leaving the page (a link, another step's button, closing the tab) with
//   changes not saved asks first;
// - Ctrl+S (⌘S on a Mac) saves, as the Save button does;
// - the English and Vietnamese texts are shown side by side or one at a time,
//   as the editor last chose on this browser.
(() => {
  const form = document.querySelector('form[data-edit-form]');
  if (!form) return;

  // What the form held when the page was loaded; a change is anything different from it.
  const serialize = () => new URLSearchParams(new FormData(form)).toString();
  const loaded = serialize();
  let saving = false;
  form.addEventListener('submit', () => {
    saving = true;
  });
  window.addEventListener('beforeunload', (event) => {
    if (saving || serialize() === loaded) return;
    event.preventDefault();
    // Older browsers ask only when a value is returned.
    event.returnValue = '';
  });

  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 's') return;
    event.preventDefault();
    const save = form.querySelector('button[data-save]');
    form.requestSubmit(save ?? undefined);
  });

  // Which language is shown: 'both' (side by side on wide screens), 'en' or 'vi'.
  const STORAGE_KEY = 'almanac.editLanguages';
  const switcher = form.querySelector('[data-language-view]');
  const columns = form.querySelector('.language-columns');
  if (!switcher || !columns) return;
  const choices = [...switcher.querySelectorAll('button[data-view]')];
  const fieldsets = [...columns.querySelectorAll('fieldset[data-lang]')];
  const show = (view) => {
    for (const button of choices) button.setAttribute('aria-pressed', String(button.dataset.view === view));
    for (const fieldset of fieldsets) fieldset.hidden = view !== 'both' && fieldset.dataset.lang !== view;
    columns.classList.toggle('language-columns--one', view !== 'both');
  };
  const stored = (() => {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  })();
  // A language with a message stays in view whatever was chosen.
  const withError = fieldsets.find((fieldset) => fieldset.querySelector('[aria-invalid="true"]'));
  const initial = choices.some((b) => b.dataset.view === stored) ? stored : 'both';
  show(withError && initial !== 'both' ? withError.dataset.lang : initial);
  switcher.hidden = false;
  for (const button of choices) {
    button.addEventListener('click', () => {
      show(button.dataset.view);
      try {
        localStorage.setItem(STORAGE_KEY, button.dataset.view);
      } catch {
        // Storage refused (private mode): the choice lasts for this page only.
      }
    });
  }
})();
