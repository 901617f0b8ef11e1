// Routes of the schedule: rooms, the programme and its documents, registrations, attendance, staff, consultations.
import type { RoutesPlugin } from '../../../platform/routes.js';
import { attendanceRoutes } from './attendance.routes.js';
import { documentRoutes } from './documents.routes.js';
import { programmeRoutes } from './programme.routes.js';
import { registrationRoutes } from './registrations.routes.js';
import { staffRoutes } from './staff.routes.js';

export const scheduleRoutes: RoutesPlugin = async (app) => {
  await app.register(programmeRoutes);
  await app.register(registrationRoutes);
  await app.register(documentRoutes);
  await app.register(attendanceRoutes);
  await app.register(staffRoutes);
};
