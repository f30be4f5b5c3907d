// Live preview of Markdown fields in the admin. Each <textarea
// data-markdown-preview="ID" data-preview-url="URL"> sends its text to the
// server a moment after typing stops; the server answers with sanitized HTML,
// shown in the element with that id. The admin allows no inline script, so
// this file is served from /assets/ like the stylesheets. Without it, the
// form's Preview button posts the text and opens the preview in a new tab.
(() => {
  // Long enough not to send every keystroke, short enough to feel live.
  const DELAY_MS = 400;

  for (const textarea of document.querySelectorAll('textarea[data-markdown-preview]')) {
    const panel = document.getElementById(textarea.dataset.markdownPreview);
    const url = textarea.dataset.previewUrl;
    const token = textarea.form?.querySelector('input[name="_csrf"]')?.value;
    if (!panel || !url || !token) continue;
    const output = panel.querySelector('[data-preview-output]') ?? panel;
    panel.hidden = false;
    let timer;
    let pending;

    const update = async () => {
      pending?.abort();
      pending = new AbortController();
      try {
        const response = await fetch(url, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-csrf-token': token },
          body: new URLSearchParams({ text: textarea.value }),
          signal: pending.signal,
        });
        if (!response.ok) throw new Error(`preview answered ${response.status}`);
        const { html } = await response.json();
        // Sanitized by the server with the same rules as the public pages.
        output.innerHTML = html;
        panel.removeAttribute('data-preview-failed');
      } catch (error) {
        if (error.name !== 'AbortError') panel.setAttribute('data-preview-failed', '');
      }
    };

    textarea.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(update, DELAY_MS);
    });
    void update();
  }
})();
