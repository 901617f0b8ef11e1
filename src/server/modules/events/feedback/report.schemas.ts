// Shape of the final report (S0-8).
import { z } from 'zod';
import { ZResultGroup } from './feedback.schemas.js';

const ZCounted = z.object({ label: z.string(), count: z.number().int() });

export const ZReport = z
  .object({
    event: z.object({
      id: z.uuid(),
      title: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      venue: z.string().nullable(),
    }),
    participants: z.object({
      total: z.number().int(),
      byOrganization: z.array(ZCounted),
      byMunicipality: z.array(ZCounted),
      byRegion: z.array(ZCounted),
      byRole: z.array(ZCounted),
    }),
    activitiesByForm: z.array(ZCounted),
    attendance: z.object({
      registered: z.number().int(),
      attended: z.number().int(),
      rate: z.number().nullable(),
      byActivity: z.array(
        z.object({
          id: z.uuid(),
          title: z.string(),
          registered: z.number().int(),
          attended: z.number().int(),
        }),
      ),
    }),
    applications: z.object({
      total: z.number().int(),
      accepted: z.number().int(),
      rejected: z.number().int(),
      other: z.number().int(),
    }),
    feedback: z.object({
      event: ZResultGroup.nullable(),
      byForm: z.array(ZResultGroup),
      byActivity: z.array(ZResultGroup),
    }),
    conclusion: z.string(),
  })
  .meta({ id: 'EventReport' });
export type TReport = z.infer<typeof ZReport>;

export const ZConclusion = z.object({ text: z.string().max(20000) });
