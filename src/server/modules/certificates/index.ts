// certificates: the registry, PDFs with QR codes, public verification.
export { certificateRoutes } from './certificates.routes.js';
export * from './certificates.tables.js';
