// Schema barrel: every table of every module, for drizzle-kit and for the typed database handle.

export * from '../modules/certificates/certificates.tables.js';
export * from '../modules/directory/directory.tables.js';
export * from '../modules/events/events.tables.js';
export * from '../modules/identity/identity.tables.js';
export * from '../modules/notifications/notifications.tables.js';
export * from '../platform/platform.tables.js';
