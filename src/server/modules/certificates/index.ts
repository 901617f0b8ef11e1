// certificates: the registry, PDFs with QR codes, public verification; portfolio input.
// Loading the module registers the mail attachment provider 'certificate' (the PDF of one certificate).
import './certificates.mail.js';

export { CERTIFICATE_ATTACHMENT, certificateFileName } from './certificates.mail.js';
export { certificateRoutes } from './certificates.routes.js';
export { issueCertificatesAs, listCertificatesOfPerson } from './certificates.service.js';
export * from './certificates.tables.js';
export { dativeName, detectGender, FORM_PHRASES, roleText } from './certificates.text.js';
