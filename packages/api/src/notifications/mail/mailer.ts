// Email out through SMTP_URL with nodemailer. Only this file knows nodemailer.
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** What every mail needs to know: who sends it, and the absolute links' bases. */
export interface MailSettings {
  /** `MAIL_FROM`: "Shipshape <shipshape@example.com>". */
  from: string;
  /** The web app's public origin: links in mails start with it. */
  webOrigin: string;
  /** Signs the unsubscribe links. */
  unsubscribeSecret: string;
}

/** A mailer over `smtp://user:pass@host:587` (or smtps://…). */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close() {
      transport.close();
    },
  };
}
