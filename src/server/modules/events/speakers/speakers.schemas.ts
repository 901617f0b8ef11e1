// Request and response shapes of the invited speakers routes (S3-6).
import { z } from 'zod';
import { ZPageQuery } from '../../../platform/pagination.js';
import { SPEAKER_KINDS } from '../events.tables.js';

export const ZSpeakerKind = z.enum(SPEAKER_KINDS);

export const ZSpeakerCreate = z.object({
  personId: z.uuid(),
  kind: ZSpeakerKind,
  note: z.string().trim().max(2000).nullish(),
  eventId: z.uuid().nullish(),
});
export type TSpeakerCreate = z.infer<typeof ZSpeakerCreate>;

export const ZSpeakerUpdate = z.object({
  kind: ZSpeakerKind.optional(),
  note: z.string().trim().max(2000).nullish(),
  eventId: z.uuid().nullish(),
});
export type TSpeakerUpdate = z.infer<typeof ZSpeakerUpdate>;

export const ZSpeakerQuery = ZPageQuery.extend({
  kind: ZSpeakerKind.optional(),
  eventId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
});
export type TSpeakerQuery = z.infer<typeof ZSpeakerQuery>;

export const ZSpeaker = z
  .object({
    id: z.uuid(),
    person: z.object({
      id: z.uuid(),
      fullName: z.string(),
      position: z.string().nullable(),
      organizationName: z.string().nullable(),
    }),
    kind: ZSpeakerKind,
    note: z.string().nullable(),
    event: z.object({ id: z.uuid(), title: z.string(), startDate: z.string() }).nullable(),
    createdAt: z.string(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'InvitedSpeaker' });
export type TSpeaker = z.infer<typeof ZSpeaker>;
