// Every API route lives under this prefix (app.setGlobalPrefix); the web application owns every other path.
// The refresh cookie's Path is derived from it, so the two never disagree.
export const API_PREFIX = '/api';
