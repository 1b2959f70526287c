import { helsinkiParts } from './helsinki-time';

export const todayInHelsinki = (now = new Date()) => helsinkiParts(now).date;
