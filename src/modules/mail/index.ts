/**
 * Email: composing a message in the recipient's language, queueing it in the
 * database, and the worker that sends the queue through SMTP (or writes it to
 * the outbox folder). Other modules queue with `enqueueMail`; nothing else
 * sends.
 */
export { composeMail, siteLink, mailSite, type MailSite, type MailContent, type ComposedMail } from './compose.js';
export { enqueueMail, requestHeaders, type MailRequest } from './outbox.js';
export { mailSenderFor, usesSmtp, type MailSender, type MailSettings, type OutgoingMessage } from './transport.js';
export {
  startMailWorker,
  sendDueMail,
  retryDelayMs,
  MAIL_WORKER_INTERVAL_MS,
  MAX_ATTEMPTS,
  type MailWorker,
  type MailPass,
  type MailWorkerLog,
} from './worker.js';
export { editorialNotices, type EditorialChange } from './editorial.js';
