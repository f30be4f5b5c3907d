/**
 * The messages about an account: a password-reset link, an invitation, and
 * the notices that a password or an email address changed. Each in the recipient's language.
 */
import type { LangCode } from '../../db/schema.js';
import { translator } from '../i18n/index.js';
import { siteLink, type MailContent, type MailSite } from '../mail/index.js';
import type { Role } from './auth.types.js';

export function resetLinkMail(site: MailSite, lang: LangCode, email: string, token: string): MailContent {
  const t = translator(lang);
  return {
    subject: t('mail.reset.subject', { site: site.siteName }),
    paragraphs: [t('mail.reset.intro', { email, site: site.siteName }), t('mail.reset.expiry')],
    action: { label: t('mail.reset.action'), url: siteLink(site, `/admin/reset?token=${token}&lang=${lang}`) },
    footer: [t('mail.reset.ignore'), t('mail.footer.automatic', { site: site.siteName })],
  };
}

export function invitationMail(site: MailSite, lang: LangCode, invite: { email: string; role: Role; inviter: string }, token: string): MailContent {
  const t = translator(lang);
  return {
    subject: t('mail.invite.subject', { site: site.siteName }),
    paragraphs: [
      t('mail.invite.intro', { inviter: invite.inviter, site: site.siteName, role: t(`admin.role.${invite.role}`), email: invite.email }),
      t('mail.invite.expiry'),
    ],
    action: { label: t('mail.invite.action'), url: siteLink(site, `/admin/invitation?token=${token}&lang=${lang}`) },
    footer: [t('mail.invite.ignore'), t('mail.footer.automatic', { site: site.siteName })],
  };
}

export function passwordChangedMail(site: MailSite, lang: LangCode, email: string): MailContent {
  const t = translator(lang);
  return {
    subject: t('mail.passwordChanged.subject', { site: site.siteName }),
    paragraphs: [t('mail.passwordChanged.body', { email, site: site.siteName }), t('mail.passwordChanged.notYou')],
    action: { label: t('mail.passwordChanged.action'), url: siteLink(site, `/admin/forgot?lang=${lang}`) },
    footer: [t('mail.footer.automatic', { site: site.siteName })],
  };
}

/** To the address an account had: it is no longer the account's, so it cannot reset the password; an administrator can. */
export function emailChangedMail(site: MailSite, lang: LangCode, change: { previous: string; email: string }): MailContent {
  const t = translator(lang);
  return {
    subject: t('mail.emailChanged.subject', { site: site.siteName }),
    paragraphs: [t('mail.emailChanged.body', { previous: change.previous, email: change.email, site: site.siteName }), t('mail.emailChanged.notYou', { site: site.siteName })],
    footer: [t('mail.footer.automatic', { site: site.siteName })],
  };
}
