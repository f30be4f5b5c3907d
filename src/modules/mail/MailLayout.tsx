/**
 * The HTML part of every message: the site's name, the text, a link as a
 * button, a quoted note, and the lines saying why it was sent. Inline styles
 * only (mail programs drop style sheets), one column, readable without images.
 */
import type { MailContent } from './compose.js';

const BODY_STYLE = 'margin:0;padding:24px;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5';
const CARD_STYLE = 'max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:4px';
const BUTTON_STYLE = 'display:inline-block;background:#1e2dbe;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold';
const PARAGRAPH_STYLE = 'white-space:pre-line';
const QUOTE_STYLE = 'margin:16px 0;padding:8px 16px;border-left:4px solid #c4c4c4;white-space:pre-wrap';
const FOOTER_STYLE = 'max-width:560px;margin:16px auto 0;font-size:13px;color:#555555';

export function MailLayout({ lang, siteName, publicUrl, content }: { lang: string; siteName: string; publicUrl: string; content: MailContent }) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{content.subject}</title>
      </head>
      <body style={BODY_STYLE}>
        <div style={CARD_STYLE}>
          <p style="margin:0 0 16px;font-size:14px;color:#555555">
            <a href={publicUrl} style="color:#555555">
              {siteName}
            </a>
          </p>
          <h1 style="font-size:20px;margin:0 0 16px">{content.subject}</h1>
          {content.paragraphs.map((p) => (
            // A paragraph's own line breaks (an item's title, summary and link in a subscriber's message) are kept.
            <p style={PARAGRAPH_STYLE}>{p}</p>
          ))}
          {content.quote ? <blockquote style={QUOTE_STYLE}>{content.quote}</blockquote> : null}
          {content.action ? (
            <p style="margin:24px 0">
              <a href={content.action.url} style={BUTTON_STYLE}>
                {content.action.label}
              </a>
            </p>
          ) : null}
          {content.action ? (
            <p style="font-size:13px;color:#555555;word-break:break-all">
              <a href={content.action.url}>{content.action.url}</a>
            </p>
          ) : null}
        </div>
        <div style={FOOTER_STYLE}>
          {(content.footer ?? []).map((line) => (
            <p>{line}</p>
          ))}
        </div>
      </body>
    </html>
  );
}
