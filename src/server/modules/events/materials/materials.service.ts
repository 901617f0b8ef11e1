// The event's materials folder (S0-13): upload by managers and presenters, list, download, delete, and the
// whole folder as one ZIP with a subfolder per category.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Multipart } from '@fastify/multipart';
import type { Archiver, ArchiverOptions } from 'archiver';
import { and, asc, count, eq } from 'drizzle-orm';
import { type Actor, forbid, requireActor } from '../../../platform/actor.js';
import { audit } from '../../../platform/audit.js';
import type { AppContext } from '../../../platform/context.js';
import { CommonErrors } from '../../../platform/errors.js';
import {
  DOCUMENT_KINDS,
  deleteFile,
  filePath,
  openFile,
  type StoredFile,
  storeFile,
  storeGenerated,
} from '../../../platform/files.js';
import { storedFile } from '../../../platform/platform.tables.js';
import { user } from '../../identity/identity.tables.js';
import { activity, eventMaterial, MATERIAL_CATEGORIES, type MaterialCategory } from '../events.tables.js';
import { canManageEvent, isEventPresenter, loadEventPlace } from '../feedback/feedback.access.js';
import { MaterialErrors } from './materials.errors.js';
import { MATERIAL_FOLDER_NAMES, type TMaterial, ZMaterialFields } from './materials.schemas.js';

// archiver 7 exports a function; the installed @types describe 8's classes, so the function is typed here
const archiver = createRequire(import.meta.url)('archiver') as (
  format: 'zip',
  options?: ArchiverOptions,
) => Archiver;

type Access = { manage: boolean; presenter: boolean };

async function folderAccess(ctx: AppContext, actorIn: Actor | null, eventId: string) {
  const actor = requireActor(actorIn);
  const { event, place } = await loadEventPlace(ctx.db, eventId);
  const manage = canManageEvent(actor, place);
  const presenter = manage ? false : await isEventPresenter(ctx.db, actor, eventId);
  if (!manage && !presenter) forbid();
  return { actor, event, access: { manage, presenter } as Access };
}

const selectMaterial = {
  id: eventMaterial.id,
  eventId: eventMaterial.eventId,
  category: eventMaterial.category,
  title: eventMaterial.title,
  activityId: eventMaterial.activityId,
  generated: eventMaterial.generated,
  fileId: eventMaterial.fileId,
  fileName: storedFile.name,
  mime: storedFile.mime,
  size: storedFile.size,
  uploadedBy: eventMaterial.uploadedBy,
  uploadedByName: user.name,
  createdAt: eventMaterial.createdAt,
};

type MaterialRow = {
  [K in keyof typeof selectMaterial]: K extends 'createdAt'
    ? Date
    : K extends 'uploadedByName'
      ? string | null
      : TMaterial[K];
};

function toMaterial(r: MaterialRow, actor: Actor, access: Access): TMaterial {
  return {
    ...r,
    createdAt: r.createdAt.toISOString(),
    canDelete: access.manage || (!r.generated && r.uploadedBy === actor.userId),
  };
}

export async function listMaterials(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  q: { category?: MaterialCategory; page: number; pageSize: number },
) {
  const { actor, access } = await folderAccess(ctx, actorIn, eventId);
  const where = and(
    eq(eventMaterial.eventId, eventId),
    q.category ? eq(eventMaterial.category, q.category) : undefined,
  );
  const rows = await ctx.db
    .select(selectMaterial)
    .from(eventMaterial)
    .innerJoin(storedFile, eq(storedFile.id, eventMaterial.fileId))
    .leftJoin(user, eq(user.id, eventMaterial.uploadedBy))
    .where(where)
    .orderBy(asc(eventMaterial.category), asc(eventMaterial.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ n }] = await ctx.db.select({ n: count() }).from(eventMaterial).where(where);
  return {
    items: rows.map((r) => toMaterial(r as MaterialRow, actor, access)),
    total: Number(n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function getMaterialRow(ctx: AppContext, id: string) {
  const [row] = await ctx.db
    .select(selectMaterial)
    .from(eventMaterial)
    .innerJoin(storedFile, eq(storedFile.id, eventMaterial.fileId))
    .leftJoin(user, eq(user.id, eventMaterial.uploadedBy))
    .where(eq(eventMaterial.id, id))
    .limit(1);
  if (!row) throw CommonErrors.NOT_FOUND();
  return row as MaterialRow;
}

function validationError(issues: { path: PropertyKey[]; message: string }[]) {
  return CommonErrors.VALIDATION_FAILED(
    {},
    issues.map((i) => ({ path: `body.${i.path.map(String).join('.')}`, message: i.message })),
  );
}

/** POST /api/events/:id/materials (multipart: category, title?, activityId?, file). Access before the body. */
export async function uploadMaterial(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  parts: AsyncIterable<Multipart>,
): Promise<TMaterial> {
  const { actor, access } = await folderAccess(ctx, actorIn, eventId);
  const fields: Record<string, string> = {};
  let file: StoredFile | null = null;
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value ?? '');
        continue;
      }
      if (part.fieldname !== 'file' || file) {
        part.file.resume();
        continue;
      }
      file = await storeFile(ctx, {
        stream: part.file,
        name: part.filename || 'file',
        ownerUserId: actor.userId,
        allowed: DOCUMENT_KINDS,
      });
    }
    const parsed = ZMaterialFields.safeParse({
      ...fields,
      title: fields.title?.trim() ? fields.title : undefined,
      activityId: fields.activityId || undefined,
    });
    if (!parsed.success) throw validationError(parsed.error.issues);
    if (!file) throw MaterialErrors.MATERIAL_FILE_MISSING();
    const { category, title, activityId } = parsed.data;
    if (activityId) {
      const [a] = await ctx.db
        .select({ eventId: activity.eventId })
        .from(activity)
        .where(eq(activity.id, activityId));
      if (!a || a.eventId !== eventId) throw MaterialErrors.MATERIAL_ACTIVITY_FOREIGN();
    }
    const stored = file;
    const id = await ctx.db.transaction(async (tx) => {
      const [m] = await tx
        .insert(eventMaterial)
        .values({
          eventId,
          category,
          fileId: stored.id,
          title: title ?? stored.name.replace(/\.[^.]+$/, ''),
          activityId: activityId ?? null,
          uploadedBy: actor.userId,
        })
        .returning();
      await audit(tx, actor, 'create', 'event_material', m!.id, undefined, m);
      return m!.id;
    });
    return toMaterial(await getMaterialRow(ctx, id), actor, access);
  } catch (e) {
    if (file) await deleteFile(ctx, file.id).catch(() => undefined);
    throw e;
  }
}

/** Puts a generated document (the final report) into the folder. */
export async function addGeneratedMaterial(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  input: { category: MaterialCategory; title: string; buffer: Buffer; fileName: string; mime: string },
): Promise<TMaterial> {
  const file = await storeGenerated(ctx, input.buffer, input.fileName, input.mime, {
    ownerUserId: actor?.userId ?? null,
  });
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const [m] = await tx
        .insert(eventMaterial)
        .values({
          eventId,
          category: input.category,
          fileId: file.id,
          title: input.title,
          generated: true,
          uploadedBy: actor?.userId ?? null,
        })
        .returning();
      await audit(tx, actor, 'create', 'event_material', m!.id, undefined, m);
      return m!.id;
    });
    const row = await getMaterialRow(ctx, id);
    return { ...row, createdAt: row.createdAt.toISOString(), canDelete: true };
  } catch (e) {
    await deleteFile(ctx, file.id).catch(() => undefined);
    throw e;
  }
}

export async function deleteMaterial(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
): Promise<{ ok: true }> {
  const actor = requireActor(actorIn);
  const row = await getMaterialRow(ctx, id);
  const { access } = await folderAccess(ctx, actor, row.eventId);
  if (!toMaterial(row, actor, access).canDelete) forbid();
  const storageKey = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.delete(eventMaterial).where(eq(eventMaterial.id, id)).returning();
    await audit(tx, actor, 'delete', 'event_material', id, before, undefined);
    const [f] = await tx.delete(storedFile).where(eq(storedFile.id, row.fileId)).returning();
    return f?.storageKey;
  });
  // the bytes go once the rows are gone
  if (storageKey) await fs.promises.rm(filePath(ctx, storageKey), { force: true });
  return { ok: true };
}

export async function openMaterialFile(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requireActor(actorIn);
  const row = await getMaterialRow(ctx, id);
  await folderAccess(ctx, actor, row.eventId);
  return openFile(ctx, row.fileId);
}

function extOf(name: string): string {
  const m = /\.[A-Za-z0-9]{1,8}$/.exec(name);
  return m ? m[0] : '';
}

function safeEntry(name: string): string {
  const clean = [...name].map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch));
  return clean.join('').trim() || 'file';
}

/** GET /api/events/:id/archive.zip: a folder per category (Russian names), files streamed one after another. */
export async function eventArchive(ctx: AppContext, actorIn: Actor | null, eventId: string) {
  const { event } = await folderAccess(ctx, actorIn, eventId);
  const rows = await ctx.db
    .select({ category: eventMaterial.category, title: eventMaterial.title, fileId: eventMaterial.fileId })
    .from(eventMaterial)
    .where(eq(eventMaterial.eventId, eventId))
    .orderBy(asc(eventMaterial.createdAt));
  const zip = archiver('zip', { zlib: { level: 6 } });
  const used = new Set<string>();
  for (const c of MATERIAL_CATEGORIES) {
    const folder = MATERIAL_FOLDER_NAMES[c];
    zip.append('', { name: `${folder}/` });
    for (const r of rows.filter((x) => x.category === c)) {
      const opened = await openFile(ctx, r.fileId).catch(() => null);
      if (!opened) continue;
      const base = safeEntry(r.title);
      const ext = extOf(opened.file.name);
      let name = `${folder}/${base}${ext}`;
      for (let i = 2; used.has(name.toLowerCase()); i++) name = `${folder}/${base} (${i})${ext}`;
      used.add(name.toLowerCase());
      zip.append(opened.stream, { name });
    }
  }
  void zip.finalize();
  return { stream: zip, fileName: `${safeEntry(event.title).slice(0, 120)} — материалы.zip` };
}
