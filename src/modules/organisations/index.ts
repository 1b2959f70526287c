// What organisations offers other features on purpose (see "Module boundaries" in the README), with
// OrganisationsModule's providers.
// Booking and contracts ask the one repository whether an orderer belongs to an organisation (and may order).
export { OrganisationsRepository } from './organisations.repository';
