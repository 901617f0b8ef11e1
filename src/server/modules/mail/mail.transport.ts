// Turns an outgoing message into RFC 822 and delivers it: over SMTP (nodemailer), or as an .eml file.
import nodemailer from 'nodemailer';
import type { Config } from '../../config/config.js';
import type { ResolvedAttachment } from './mail.attachments.js';

export type OutgoingMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: Date;
  /** rendered at delivery by the providers (see mail.attachments.ts) */
  attachments?: ResolvedAttachment[];
};

/** SMTP timeouts: a stuck server fails the attempt (and the job is retried) instead of hanging forever. */
const SMTP_TIMEOUT_MS = 30_000;

function domainOf(mailFrom: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(mailFrom);
  return m ? m[1] : 'rost.local';
}

/** The same headers and body whether sent over SMTP or written to a file; Message-ID is stable per row. */
function messageOf(m: OutgoingMail, config: Config) {
  return {
    from: config.mailFrom,
    to: m.to,
    subject: m.subject,
    text: m.text,
    ...(m.html ? { html: m.html } : {}),
    date: m.createdAt,
    messageId: `<${m.id}@${domainOf(config.mailFrom)}>`,
    ...(m.attachments?.length
      ? {
          attachments: m.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        }
      : {}),
  };
}

/** The message as an .eml file's bytes (CRLF line ends, MIME-encoded Russian headers and body). */
export async function renderEml(m: OutgoingMail, config: Config): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail(messageOf(m, config));
  return info.message as Buffer;
}

/** Sends over SMTP; `smtpUrl` is e.g. `smtp://user:pass@host:587` or `smtps://…:465`. Throws on failure. */
export async function sendSmtp(m: OutgoingMail, config: Config, smtpUrl: string): Promise<void> {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  try {
    await transport.sendMail(messageOf(m, config));
  } finally {
    transport.close();
  }
}
