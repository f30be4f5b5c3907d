/**
 * The app with its outgoing mail going to a real SMTP server (see smtp.ts),
 * for tests that follow a message from the action that queues it to the
 * links in it.
 */
import { after, afterEach, before, beforeEach } from 'node:test';
import { loadEnv } from '../../src/config/env.js';
import { mailSenderFor, sendDueMail, type MailPass, type MailSender } from '../../src/modules/mail/index.js';
import { appForEachTest, type TestApp } from './build-test-app.js';
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from './smtp.js';

export interface MailSite {
  /** The app of the test: a fresh one for each test. */
  readonly t: TestApp;
  /** What the SMTP server has received during the test, oldest first. */
  readonly received: ReceivedMail[];
  /** Sends the queued mail that is due at `at` to the SMTP server, as the mail worker would. */
  sendDue(at: Date): Promise<MailPass>;
}

/**
 * Called inside a describe block: one SMTP server for the block, and for each
 * test a fresh app and a sender pointed at that server (plain SMTP, no
 * STARTTLS), with what the server received before the test forgotten. Hooks
 * declared after this call see the app.
 */
export function mailSiteForEachTest(): MailSite {
  let smtp: TestSmtpServer | undefined;
  let sender: MailSender | undefined;
  before(async () => {
    smtp = await startTestSmtpServer();
  });
  after(() => smtp?.close());
  const server = (): TestSmtpServer => {
    if (!smtp) throw new Error('the SMTP server is started by a before hook: use it inside a test or a later hook');
    return smtp;
  };
  beforeEach(() => {
    server().received.length = 0;
    sender = mailSenderFor(loadEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(server().port), SMTP_STARTTLS: 'off' }));
  });
  afterEach(() => {
    sender?.close();
    sender = undefined;
  });
  const t = appForEachTest();
  return {
    t,
    get received() {
      return server().received;
    },
    sendDue(at) {
      if (!sender) throw new Error('the mail sender is made by a beforeEach hook: use it inside a test');
      return sendDueMail(t.db, sender, at);
    },
  };
}
