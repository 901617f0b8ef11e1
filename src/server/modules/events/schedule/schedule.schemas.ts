// Request and response shapes of the schedule routes.
import { z } from 'zod';
import { ZPageQuery, ZQueryFlag } from '../../../platform/pagination.js';
import { STAFF_DUTIES } from '../events.tables.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const ZRoom = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    name: z.string(),
    capacity: z.number().int().nullable(),
    equipment: z.string().nullable(),
  })
  .meta({ id: 'Room' });
export type TRoom = z.infer<typeof ZRoom>;
export const ZRoomCreate = z.object({
  name: text(120),
  capacity: z.number().int().min(1).max(100000).nullish(),
  equipment: optText(1000),
});
export const ZRoomUpdate = ZRoomCreate.partial();

export const ZPresenter = z.object({ personId: z.uuid(), fullName: z.string(), shortName: z.string() });

export const ZActivity = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    applicationId: z.uuid().nullable(),
    title: z.string(),
    formTitle: z.string().nullable(),
    /** S2-4: the conference section the item belongs to (carried from its application) */
    sectionId: z.uuid().nullable(),
    sectionTitle: z.string().nullable(),
    roomId: z.uuid().nullable(),
    roomName: z.string().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    day: z.string(),
    capacity: z.number().int().nullable(),
    presenters: z.array(ZPresenter),
    registered: z.number().int(),
    waitlisted: z.number().int(),
    myStatus: z.enum(['registered', 'waitlisted', 'presenter']).nullable(),
  })
  .meta({ id: 'Activity' });
export type TActivity = z.infer<typeof ZActivity>;

export const ZActivityCreate = z
  .object({
    applicationId: z.uuid().optional(),
    title: text(300).optional(),
    roomId: z.uuid().nullish(),
    startsAt: instant,
    endsAt: instant,
    capacity: z.number().int().min(1).max(100000).nullish(),
  })
  .refine((a) => !!a.applicationId !== !!a.title, {
    message: 'Укажите либо заявку, либо название пункта программы.',
    path: ['applicationId'],
  });
export type TActivityCreate = z.infer<typeof ZActivityCreate>;
export const ZActivityUpdate = z.object({
  title: text(300).optional(),
  roomId: z.uuid().nullish(),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  capacity: z.number().int().min(1).max(100000).nullish(),
});
export type TActivityUpdate = z.infer<typeof ZActivityUpdate>;

export const ZScheduleDay = z.object({ date: z.string(), activities: z.array(ZActivity) });
export const ZSchedule = z
  .object({
    event: z.object({
      id: z.uuid(),
      title: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      venue: z.string().nullable(),
      schedulePublished: z.boolean(),
    }),
    canManage: z.boolean(),
    rooms: z.array(ZRoom),
    days: z.array(ZScheduleDay),
  })
  .meta({ id: 'Schedule' });
export type TSchedule = z.infer<typeof ZSchedule>;

export const ZPublish = z.object({ published: z.boolean().default(true) });

export const ZUnplaced = z.object({
  applicationId: z.uuid(),
  topic: z.string(),
  formTitle: z.string(),
  /** S2-4: the conference section chosen in the application */
  sectionTitle: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  presenters: z.array(ZPresenter),
});

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const;
export const ZRegistration = z
  .object({
    id: z.uuid(),
    activityId: z.uuid(),
    personId: z.uuid(),
    fullName: z.string(),
    organizationName: z.string().nullable(),
    status: z.enum(REGISTRATION_STATUSES),
    createdAt: z.string(),
    present: z.boolean(),
  })
  .meta({ id: 'Registration' });
export const ZRegistrationQuery = ZPageQuery.extend({
  status: z.enum(REGISTRATION_STATUSES).optional(),
});
export const ZMyRegistration = z.object({
  activityId: z.uuid(),
  status: z.enum(REGISTRATION_STATUSES),
  promotedPersonId: z.uuid().nullable(),
});

export const ZMyActivity = ZActivity.extend({ eventTitle: z.string() });
export const ZMyScheduleQuery = ZPageQuery.extend({ past: ZQueryFlag });
export const ZOpenQuery = ZPageQuery.extend({ eventId: z.uuid().optional() });

export const ZCalendarLink = z.object({ url: z.string().nullable() });
export const ZCalendarQuery = z.object({ token: z.string().max(200).optional() });

export const ZAttendanceSet = z.object({
  personIds: z.array(z.uuid()).min(1).max(1000),
  present: z.boolean(),
});
export const ZCheckin = z.object({ k: z.string().min(1).max(200) });
export const ZCheckinResult = z.object({
  ok: z.literal(true),
  alreadyMarked: z.boolean(),
  title: z.string(),
});

export const ZStaff = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    personId: z.uuid(),
    fullName: z.string(),
    organizationName: z.string().nullable(),
    duty: z.enum(STAFF_DUTIES),
    activityId: z.uuid().nullable(),
    activityTitle: z.string().nullable(),
    notes: z.string().nullable(),
  })
  .meta({ id: 'StaffAssignment' });
export const ZStaffCreate = z.object({
  personId: z.uuid(),
  duty: z.enum(STAFF_DUTIES),
  activityId: z.uuid().nullish(),
  notes: optText(2000),
});
export const ZStaffUpdate = ZStaffCreate.partial();

export const CONSULTATION_STATUSES = ['requested', 'assigned', 'done', 'cancelled'] as const;
export const ZConsultation = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    requesterPersonId: z.uuid().nullable(),
    requesterName: z.string().nullable(),
    organizationId: z.uuid().nullable(),
    organizationName: z.string().nullable(),
    subject: z.string(),
    question: z.string().nullable(),
    consultantPersonId: z.uuid().nullable(),
    consultantName: z.string().nullable(),
    scheduledAt: z.string().nullable(),
    status: z.enum(CONSULTATION_STATUSES),
    createdAt: z.string(),
  })
  .meta({ id: 'Consultation' });
export const ZConsultationCreate = z.object({
  subject: text(300),
  question: optText(4000),
  organizationId: z.uuid().nullish(),
});
export const ZConsultationUpdate = z.object({
  consultantPersonId: z.uuid().nullish(),
  scheduledAt: instant.nullish(),
  status: z.enum(CONSULTATION_STATUSES).optional(),
});
export const ZConsultationQuery = ZPageQuery.extend({ status: z.enum(CONSULTATION_STATUSES).optional() });
