// What experts offers other features on purpose (see "Module boundaries" in the README), with ExpertsModule's
// providers.
// Availability, booking and credentials refer to an expert: they read them through the one experts repository and
// refuse a missing or unfit one with experts' own errors (EXPERT_NOT_FOUND, ... defined once).
export { ExpertsRepository } from './experts.repository';
export { ExpertErrors } from './experts.errors';
// An expert's windows and absences are read one way, for availability's pages and the expert's data export alike.
export { readExpertAvailability } from './expert-data.repository';
export type { ExpertAvailability } from './expert-data.repository';
// The demo's experts have accepted the current wording of the topics consent.
export { TOPICS_CONSENT_VERSION } from './topics-consent';
