import { AbsenceEntity } from './entities/absence.entity';
import { OneOffWindowEntity } from './entities/one-off-window.entity';
import { WeeklyWindowEntity } from './entities/weekly-window.entity';

// The three things an expert keeps, with what the audit log, the errors and the overlap refusal call them.
export const AVAILABILITY_KINDS = {
  weekly: {
    entity: WeeklyWindowEntity,
    entityType: 'weekly_window',
    label: 'Weekly window',
    overlapConstraint: 'availability_weekly_no_overlap',
    overlapFields: ['from', 'to'],
    overlapMessage: 'overlaps another weekly window on the same weekday in an overlapping validity period',
  },
  oneOff: {
    entity: OneOffWindowEntity,
    entityType: 'one_off_window',
    label: 'One-off window',
    overlapConstraint: 'availability_one_off_no_overlap',
    overlapFields: ['from', 'to'],
    overlapMessage: 'overlaps another one-off window on the same date',
  },
  absence: {
    entity: AbsenceEntity,
    entityType: 'absence',
    label: 'Absence',
    overlapConstraint: 'availability_absences_no_overlap',
    overlapFields: ['firstDay', 'lastDay'],
    overlapMessage: 'overlaps another absence',
  },
} as const;

export type AvailabilityKind = keyof typeof AVAILABILITY_KINDS;

export type AvailabilityRow<K extends AvailabilityKind> = InstanceType<(typeof AVAILABILITY_KINDS)[K]['entity']>;

export type AvailabilityDraft<K extends AvailabilityKind> = Omit<AvailabilityRow<K>, 'id' | 'createdAt' | 'expert'>;
