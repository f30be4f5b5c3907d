// The event and article edit pages, made safer and quicker with a script;
// without it every form works the same (the admin allows no inline script, so
// this file is served from /assets/ like the stylesheets):
// - leaving the page (a link, another step's button, closing the tab) with
//   changes not saved asks first;
// - Ctrl+S (⌘S on a Mac) saves, as the Save button does;
// - the English and Vietnamese texts are shown side by side or one at a time,
//   as the editor last chose on this browser;
// - a few seconds after a change, and when the page is hidden, the form is
//   kept for this editor at its autosave address (never saved over the item):
//   the edit page offers it back if it is not saved.
(() => {
  const form = document.querySelector('form[data-edit-form]');
  if (!form) return;

  // What the form held when the page was loaded; a change is anything different from it.
  // A form filled from unsaved changes is not saved yet, whatever is typed next.
  const serialize = () => new URLSearchParams(new FormData(form)).toString();
  const asLoaded = serialize();
  const loaded = form.hasAttribute('data-autosave-restored') ? null : asLoaded;
  let saving = false;
  let autosaveTimer;
  form.addEventListener('submit', () => {
    saving = true;
    clearTimeout(autosaveTimer);
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

  // Keeping the form: the first change starts a wait of AUTOSAVE_DELAY_MS, then what
  // the form holds then is sent (the session's CSRF token is among its fields).
  const AUTOSAVE_DELAY_MS = 10_000;
  // A request kept alive past the page's end may carry this much (browsers refuse more).
  const KEEPALIVE_MAX_CHARS = 60_000;
  const autosaveUrl = form.dataset.autosave;
  const status = form.querySelector('[data-autosave-status]');
  let lastKept = asLoaded;
  const say = (text) => {
    if (status && text) status.textContent = text;
  };
  // The server's time of the autosave, on the office's clock, as the edit page's notices give it.
  const timeOfDay = (instant) => {
    const options = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    try {
      return new Intl.DateTimeFormat(status?.dataset.lang, { ...options, timeZone: status?.dataset.zone }).format(instant);
    } catch {
      return new Intl.DateTimeFormat(status?.dataset.lang, options).format(instant);
    }
  };
  const keep = async (leaving) => {
    clearTimeout(autosaveTimer);
    autosaveTimer = undefined;
    const body = serialize();
    if (!autosaveUrl || saving || body === lastKept) return;
    const before = lastKept;
    lastKept = body;
    try {
      const response = await fetch(autosaveUrl, {
        method: 'POST',
        body: new URLSearchParams(body),
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
        keepalive: leaving && body.length <= KEEPALIVE_MAX_CHARS,
      });
      if (response.ok) {
        const { savedAt } = await response.json();
        // Typed back to what is saved, nothing is kept, and nothing is said.
        if (savedAt === null && status) status.textContent = '';
        else say(status?.dataset.saved?.replace('{time}', timeOfDay(new Date(savedAt))));
      } else if (response.status === 422 || response.status === 413) {
        say(status?.dataset.refused);
      } else {
        lastKept = before;
        say(status?.dataset.failed);
      }
    } catch {
      lastKept = before;
      say(status?.dataset.failed);
    }
  };
  if (autosaveUrl) {
    const changed = () => {
      if (!saving && autosaveTimer === undefined) autosaveTimer = setTimeout(() => void keep(false), AUTOSAVE_DELAY_MS);
    };
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void keep(true);
    });
  }

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
