// Shapes of feedback forms, responses and results (S0-7).
import { z } from 'zod';

export const ZCriterion = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Латинские строчные буквы, цифры и «_»'),
  label: z.string().trim().min(1).max(200),
  min: z.number().int().min(0).max(10),
  max: z.number().int().min(1).max(10),
});

export const ZFormInput = z
  .object({
    title: z.string().trim().min(1).max(300),
    criteria: z.array(ZCriterion).min(1).max(20),
    askComment: z.boolean().default(true),
  })
  .superRefine((f, ctx) => {
    const keys = new Set<string>();
    f.criteria.forEach((c, i) => {
      if (c.min >= c.max)
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'max'],
          message: 'Максимум должен быть больше минимума',
        });
      if (keys.has(c.key))
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'key'],
          message: 'Ключи критериев не должны повторяться',
        });
      keys.add(c.key);
    });
  });

export const ZFeedbackForm = z
  .object({
    id: z.uuid(),
    scope: z.enum(['activity', 'event']),
    title: z.string(),
    criteria: z.array(ZCriterion),
    askComment: z.boolean(),
    /** true while the event uses the default template (no own copy yet) */
    isDefault: z.boolean(),
    responses: z.number().int(),
  })
  .meta({ id: 'FeedbackForm' });
export type TFeedbackForm = z.infer<typeof ZFeedbackForm>;

export const ZEventForms = z.object({ activity: ZFeedbackForm, event: ZFeedbackForm });
export const ZEventFormsInput = z.object({ activity: ZFormInput.optional(), event: ZFormInput.optional() });

export const ZGiveFeedback = z.object({
  activityId: z.uuid().optional(),
  scores: z.record(z.string(), z.number()),
  comment: z.string().trim().max(4000).optional(),
});

export const ZFeedbackResponse = z.object({
  id: z.uuid(),
  activityId: z.uuid().nullable(),
  scores: z.record(z.string(), z.number()),
  comment: z.string().nullable(),
  at: z.string(),
});

export const ZGiveContextQuery = z.object({ activityId: z.uuid().optional() });
export const ZGiveContext = z.object({
  event: z.object({ id: z.uuid(), title: z.string(), startDate: z.string(), endDate: z.string() }),
  activity: z.object({ id: z.uuid(), title: z.string(), topic: z.string().nullable() }).nullable(),
  form: ZFeedbackForm,
  canGive: z.boolean(),
  alreadyGiven: z.boolean(),
  /** activities of the event the person registered for or attended, with whether they answered */
  myActivities: z.array(z.object({ id: z.uuid(), title: z.string(), given: z.boolean() })),
});

export const ZResultsQuery = z.object({
  by: z.enum(['activity', 'presenter', 'form', 'event']).default('activity'),
});
export type ResultsBy = z.infer<typeof ZResultsQuery>['by'];

export const ZCriterionResult = z.object({
  key: z.string(),
  label: z.string(),
  min: z.number().int(),
  max: z.number().int(),
  mean: z.number().nullable(),
  /** counts per score from min to max */
  distribution: z.array(z.number().int()),
});

export const ZResultGroup = z.object({
  key: z.string(),
  label: z.string(),
  responses: z.number().int(),
  attendees: z.number().int(),
  /** responses / attendees, 0…1; null when nobody attended */
  responseRate: z.number().nullable(),
  criteria: z.array(ZCriterionResult),
  comments: z.array(z.string()),
});
export type TResultGroup = z.infer<typeof ZResultGroup>;

export const ZResults = z.object({ by: z.string(), groups: z.array(ZResultGroup) });

export const ZMissingQuery = z.object({
  activityId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZMissingPerson = z.object({
  personId: z.uuid(),
  fullName: z.string(),
  organizationName: z.string().nullable(),
  email: z.string().nullable(),
});
