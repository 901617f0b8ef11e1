// Attachments by reference: a message stores `{ provider, ref, filename }` (mail_message.attachments), and the
// module that owns the document registers a provider that renders it at delivery time. Nothing large is kept
// in the outbox, and the attachment is always the current document (e.g. a certificate as it is now).

import type { AppContext } from '../../platform/context.js';
import type { MailAttachmentRef } from '../../platform/platform.tables.js';

export type { MailAttachmentRef };
export type MailAttachmentContent = { content: Buffer; contentType: string };
export type MailAttachmentProvider = (ctx: AppContext, ref: string) => Promise<MailAttachmentContent>;
export type ResolvedAttachment = MailAttachmentContent & { filename: string };

/**
 * Thrown by a provider when the document must not be sent at all (e.g. the certificate was revoked after the
 * message was queued): the message is marked «failed» at once, without retries.
 */
export class MailAttachmentRefused extends Error {}

const providers = new Map<string, MailAttachmentProvider>();

/** Registers (or replaces) the provider that renders attachments of kind `provider`; modules call it on load. */
export function registerMailAttachmentProvider(provider: string, fn: MailAttachmentProvider): void {
  providers.set(provider, fn);
}

/**
 * Renders every attachment of a message through its provider. An unknown provider or a provider's error
 * throws, with the file name in the message, so that the delivery attempt fails and is retried;
 * MailAttachmentRefused passes through as such (no retry).
 */
export async function resolveAttachments(
  ctx: AppContext,
  refs: readonly MailAttachmentRef[],
): Promise<ResolvedAttachment[]> {
  const out: ResolvedAttachment[] = [];
  for (const a of refs) {
    const provider = providers.get(a.provider);
    if (!provider) throw new Error(`Вложение «${a.filename}»: неизвестный источник «${a.provider}».`);
    try {
      const { content, contentType } = await provider(ctx, a.ref);
      out.push({ filename: a.filename, content, contentType });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof MailAttachmentRefused)
        throw new MailAttachmentRefused(`Вложение «${a.filename}» не отправляется: ${message}`);
      throw new Error(`Вложение «${a.filename}» не подготовлено: ${message}`);
    }
  }
  return out;
}
