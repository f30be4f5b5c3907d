/**
 * A message's two parts from one description: the plain text and the HTML
 * (rendered with Preact, which escapes every value), in the recipient's
 * language with the site's name.
 */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { MailLayout } from './MailLayout.js';

/** The site a message comes from: its name, and its address for links. */
export interface MailSite {
  siteName: string;
  publicUrl: string;
}

/** The site as the settings name it. */
export function mailSite(config: { SITE_NAME: string; PUBLIC_URL: string }): MailSite {
  return { siteName: config.SITE_NAME, publicUrl: config.PUBLIC_URL };
}

/** What a message says, already in its language; `compose` makes both parts from it. */
export interface MailContent {
  subject: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  /** A note someone wrote, quoted as they wrote it (an editor's request for changes). */
  quote?: string | undefined;
  /** The link the message is about: a button in HTML, a line of its own in the text. */
  action?: { label: string; url: string } | undefined;
  /** Small print after the message: why it was sent, how to stop it. */
  footer?: string[] | undefined;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

/** An absolute link on the site from a path (`/admin/reset?token=…`). */
export function siteLink(site: MailSite, path: string): string {
  return new URL(path, `${site.publicUrl.replace(/\/+$/, '')}/`).href;
}

/** Both parts of a message; a subject on one line. */
export function composeMail(site: MailSite, lang: string, content: MailContent): ComposedMail {
  const subject = content.subject.replace(/\s+/g, ' ').trim();
  const blocks: string[] = [...content.paragraphs];
  if (content.quote) blocks.push(content.quote.split('\n').map((line) => `> ${line}`).join('\n'));
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
  // "-- " on its own line: mail programs know what follows is the signature.
  const signature = ['-- ', site.siteName, site.publicUrl, ...(content.footer ?? [])].join('\n');
  const text = `${blocks.join('\n\n')}\n\n${signature}\n`;
  const html = `<!DOCTYPE html>${renderToString(h(MailLayout, { lang, siteName: site.siteName, publicUrl: site.publicUrl, content: { ...content, subject } }))}`;
  return { subject, text, html };
}
