// What availability offers other features on purpose (see "Module boundaries" in the README).
// Booking's matching finds the experts free for a time with the one SQL that defines "available".
export { availableExpertsSql } from './availability-sql.util';
