// What demo offers other features on purpose (see "Module boundaries" in the README).
// The login's OpenAPI example is a demo login, so "Try it out" in /docs signs in to the demo's data.
export { DEMO_DOMAIN, DEMO_PASSWORD } from './demo-data';
