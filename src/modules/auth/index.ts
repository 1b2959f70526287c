// What auth offers other features on purpose (see "Module boundaries" in the README), with AuthModule's providers.
// Users and experts invite a new account to set its password, and end the sessions of one disabled, changed or
// anonymised.
export { InvitationsService } from './invitations.service';
export { SessionsService } from './sessions.service';
// The parameters of the invitation mail, which experts' application mail shares with InvitationsService.
export type { InvitationMailParams } from './mail/invitation.mail';
// Contracts check a signer's password, and the demo's accounts get theirs, with the one hasher.
export { PasswordHasher } from './password-hasher.service';
