// mail: outgoing e-mail. queueMail() records the message and hands it to the background job (mail.send);
// deliverMail() is what the job runs (attachments are rendered then, through registered providers);
// the outbox routes let an admin read what was sent.
export {
  type MailAttachmentContent,
  type MailAttachmentProvider,
  type MailAttachmentRef,
  MailAttachmentRefused,
  registerMailAttachmentProvider,
} from './mail.attachments.js';
export { mailRoutes } from './mail.routes.js';
export {
  deliverMail,
  MAIL_QUEUE,
  MAIL_RETRY,
  MailDeliveryError,
  type MailInput,
  type MailJob,
  queueMail,
} from './mail.service.js';
