// What users offers other features on purpose (see "Module boundaries" in the README), with UsersModule's providers.
// Experts' accounts are users: applying creates one and a profile edit updates it, through the one repository.
export { UsersRepository } from './users.repository';
// Organisations refuse a member who is no user with users' own error (USER_NOT_FOUND, defined once).
export { UserErrors } from './users.errors';
