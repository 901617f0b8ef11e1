// certificates: the registry, PDFs with QR codes, public verification; portfolio input.
export { certificateRoutes } from './certificates.routes.js';
export { issueCertificatesAs, listCertificatesOfPerson } from './certificates.service.js';
export * from './certificates.tables.js';
export { dativeName, detectGender, FORM_PHRASES, roleText } from './certificates.text.js';
