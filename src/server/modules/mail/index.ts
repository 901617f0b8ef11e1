// mail: outgoing e-mail. queueMail() records the message and hands it to the background job.
export { queueMail } from './mail.service.js';
export { mailRoutes } from './mail.routes.js';
