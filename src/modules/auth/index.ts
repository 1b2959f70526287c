// What auth offers other features on purpose beyond AuthModule's providers (see "Module boundaries" in the README):
// the parameters of the invitation mail, which experts' application mail shares with InvitationsService.
export type { InvitationMailParams } from './mail/invitation.mail';
