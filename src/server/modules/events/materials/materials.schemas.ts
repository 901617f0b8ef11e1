// Shapes of the materials folder (S0-13).
import { z } from 'zod';
import { MATERIAL_CATEGORIES } from '../events.tables.js';

export const ZMaterialCategory = z.enum(MATERIAL_CATEGORIES);

/** Folder names inside the ZIP and headings in the interface. */
export const MATERIAL_FOLDER_NAMES: Record<(typeof MATERIAL_CATEGORIES)[number], string> = {
  final_report: 'Итоговая справка',
  talks: 'Выступления',
  lesson_notes: 'Конспекты',
  presentations: 'Презентации',
  registration_lists: 'Листы регистрации',
  feedback_forms: 'Анкеты обратной связи',
  photos: 'Фото',
  other: 'Прочее',
};

export const ZMaterial = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    category: ZMaterialCategory,
    title: z.string(),
    activityId: z.uuid().nullable(),
    generated: z.boolean(),
    fileId: z.uuid(),
    fileName: z.string(),
    mime: z.string(),
    size: z.number().int(),
    uploadedBy: z.string().nullable(),
    uploadedByName: z.string().nullable(),
    createdAt: z.string(),
    canDelete: z.boolean(),
  })
  .meta({ id: 'EventMaterial' });
export type TMaterial = z.infer<typeof ZMaterial>;

export const ZMaterialListQuery = z.object({
  category: ZMaterialCategory.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(200),
});

/** The multipart fields beside the file. */
export const ZMaterialFields = z.object({
  category: ZMaterialCategory,
  title: z.string().trim().min(1).max(300).optional(),
  activityId: z.uuid().optional(),
});

/** For the OpenAPI document only: multipart bodies are read as a stream. */
export const ZMaterialUploadDoc = z.object({
  category: ZMaterialCategory,
  title: z.string().optional(),
  activityId: z.uuid().optional(),
  file: z.any().describe('Файл: PDF, DOCX, XLSX, PPTX, DOC/XLS/PPT, ODT/ODS/ODP, RTF, JPG, PNG, ZIP, TXT'),
});
