// events: pedagogical sessions, conferences and other events — from the call for applications to the report.
import type { RoutesPlugin } from '../../platform/routes.js';
import { myApplicationRoutes } from './applications/applications.mine.routes.js';
import { applicationRoutes } from './applications/applications.routes.js';
import { eventCoreRoutes } from './events.routes.js';
import { feedbackRoutes } from './feedback/feedback.routes.js';
import { materialsRoutes } from './materials/materials.routes.js';
import { scheduleRoutes } from './schedule/schedule.routes.js';
import { sectionRoutes } from './sections/sections.routes.js';
import { speakerRoutes } from './speakers/speakers.routes.js';

export { canManageEvent } from './events.policy.js';
export * from './events.tables.js';
export {
  REMINDERS_CRON,
  REMINDERS_QUEUE,
  type RemindersResult,
  runDeadlineReminders,
} from './reminders/reminders.service.js';

export const eventsRoutes: RoutesPlugin = async (app) => {
  await app.register(eventCoreRoutes);
  await app.register(myApplicationRoutes);
  await app.register(applicationRoutes);
  await app.register(scheduleRoutes);
  await app.register(feedbackRoutes);
  await app.register(materialsRoutes);
  await app.register(sectionRoutes);
  await app.register(speakerRoutes);
};
