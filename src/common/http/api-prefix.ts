// Every API route lives under this prefix (the web app owns every other path); /health stays at the root,
// where orchestrators look for it. The refresh cookie's Path is derived from it, so the two never disagree.
// Nest's global prefix is the same without the leading slash.
export const API_PREFIX = '/api';
export const API_PREFIX_EXCLUDED = ['health'];
