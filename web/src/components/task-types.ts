import type { components } from '../api/schema';

export type TaskType = components['schemas']['TaskType'];

// The kinds of work, in the order the forms and filters offer them.
export const TASK_TYPES: readonly TaskType[] = [
  'working_group',
  'evaluation',
  'staff_meeting_training',
  'lecture',
  'workshop_event',
  'client_session',
  'professional_pair',
];
