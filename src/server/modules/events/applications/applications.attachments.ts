// Attachments of an application (S0-3): the applicant uploads documents, presentations or images while the
// application is a draft or returned for changes; whoever sees the application downloads them.
import type { MultipartFile } from '@fastify/multipart';
import { and, asc, eq } from 'drizzle-orm';
import { type Actor, forbid, requireActor } from '../../../platform/actor.js';
import { audit } from '../../../platform/audit.js';
import type { AppContext } from '../../../platform/context.js';
import { CommonErrors } from '../../../platform/errors.js';
import { DOCUMENT_KINDS, deleteFile, openFile, storeFile } from '../../../platform/files.js';
import { storedFile } from '../../../platform/platform.tables.js';
import { EventErrors } from '../events.errors.js';
import { applicationAttachment } from '../events.tables.js';
import { canEditApplication, isApplicant } from './applications.policy.js';
import { loadApplicationFor } from './applications.service.js';

export const MAX_ATTACHMENTS = 10;

const toDto = (f: typeof storedFile.$inferSelect) => ({
  id: f.id,
  name: f.name,
  mime: f.mime,
  size: f.size,
  createdAt: f.createdAt.toISOString(),
});

export async function listAttachments(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requireActor(actorIn);
  await loadApplicationFor(ctx.db, actor, id);
  const rows = await ctx.db
    .select({ f: storedFile })
    .from(applicationAttachment)
    .innerJoin(storedFile, eq(storedFile.id, applicationAttachment.fileId))
    .where(eq(applicationAttachment.applicationId, id))
    .orderBy(asc(storedFile.createdAt), asc(storedFile.id));
  return { items: rows.map((r) => toDto(r.f)) };
}

export async function addAttachment(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  file: () => Promise<MultipartFile | undefined>,
) {
  const actor = requireActor(actorIn);
  const { row } = await loadApplicationFor(ctx.db, actor, id);
  if (!isApplicant(actor, row)) forbid();
  if (!canEditApplication(actor, row)) throw EventErrors.APPLICATION_NOT_EDITABLE();
  const existing = await ctx.db
    .select({ id: applicationAttachment.fileId })
    .from(applicationAttachment)
    .where(eq(applicationAttachment.applicationId, id));
  if (existing.length >= MAX_ATTACHMENTS)
    throw CommonErrors.VALIDATION_FAILED({}, [
      { path: 'file', message: `Не больше ${MAX_ATTACHMENTS} файлов на заявку` },
    ]);
  const part = await file();
  if (!part) throw CommonErrors.VALIDATION_FAILED({}, [{ path: 'file', message: 'Нет файла' }]);
  const stored = await storeFile(ctx, {
    stream: part.file,
    name: part.filename,
    ownerUserId: actor.userId,
    allowed: DOCUMENT_KINDS,
  });
  await ctx.db.transaction(async (tx) => {
    await tx.insert(applicationAttachment).values({ applicationId: id, fileId: stored.id });
    await audit(tx, actor, 'create', 'application_attachment', stored.id, null, {
      applicationId: id,
      ...toDto(stored),
    });
  });
  return toDto(stored);
}

async function attachmentOf(ctx: AppContext, applicationId: string, fileId: string) {
  const [a] = await ctx.db
    .select()
    .from(applicationAttachment)
    .where(
      and(eq(applicationAttachment.applicationId, applicationId), eq(applicationAttachment.fileId, fileId)),
    );
  if (!a) throw CommonErrors.NOT_FOUND();
  return a;
}

export async function openAttachment(ctx: AppContext, actorIn: Actor | null, id: string, fileId: string) {
  const actor = requireActor(actorIn);
  await loadApplicationFor(ctx.db, actor, id);
  await attachmentOf(ctx, id, fileId);
  return openFile(ctx, fileId);
}

export async function removeAttachment(ctx: AppContext, actorIn: Actor | null, id: string, fileId: string) {
  const actor = requireActor(actorIn);
  const { row } = await loadApplicationFor(ctx.db, actor, id);
  if (!isApplicant(actor, row)) forbid();
  if (!canEditApplication(actor, row)) throw EventErrors.APPLICATION_NOT_EDITABLE();
  await attachmentOf(ctx, id, fileId);
  await ctx.db.transaction(async (tx) => {
    const [f] = await tx.select().from(storedFile).where(eq(storedFile.id, fileId));
    await audit(
      tx,
      actor,
      'delete',
      'application_attachment',
      fileId,
      { applicationId: id, ...(f ? toDto(f) : {}) },
      null,
    );
    await deleteFile(ctx, fileId, tx);
  });
  return { ok: true as const };
}
