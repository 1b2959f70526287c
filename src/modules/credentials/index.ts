// What credentials offers other features on purpose (see "Module boundaries" in the README), with
// CredentialsModule's providers.
// An expert's approval needs a verified credential: experts read it through the one credentials repository.
export { CredentialsRepository } from './credentials.repository';
