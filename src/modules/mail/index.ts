// What mail offers other features on purpose (see "Module boundaries" in the README), with MailModule's providers.
// Every feature sends its mail through the one outbox, to a recipient in their own language.
export { MailService, recipient } from './mail.service';
// Every feature defines its own mails on the one frame (and signature).
export { defineMailTemplate, SIGN } from './mail-template';
export type { MailTemplate } from './mail-template';
