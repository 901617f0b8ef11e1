// Request and response shapes of the conference sections routes (S2-4).
import { z } from 'zod';

const ZSubject = z.string().trim().min(1).max(200);

export const ZSectionCreate = z.object({
  title: z.string().trim().min(1).max(300),
  subject: ZSubject.nullish(),
});
export type TSectionCreate = z.infer<typeof ZSectionCreate>;

export const ZSectionUpdate = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  subject: ZSubject.nullish(),
});
export type TSectionUpdate = z.infer<typeof ZSectionUpdate>;

export const ZSection = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    title: z.string(),
    subject: z.string().nullable(),
    /** applications (any status but draft and withdrawn) in the section */
    applications: z.number().int(),
    /** programme items placed in the section */
    activities: z.number().int(),
  })
  .meta({ id: 'EventSection' });
export type TSection = z.infer<typeof ZSection>;

export const ZSectionList = z.object({ items: z.array(ZSection), canManage: z.boolean() });
