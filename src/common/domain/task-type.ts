// The seven task types the county has published (PRODUCT.md §2.3); values are stored, never renamed.
export enum TaskType {
  WorkingGroup = 'working_group', // development working groups
  Evaluation = 'evaluation', // observing and evaluating services
  StaffMeetingTraining = 'staff_meeting_training', // staff meetings and training events
  Lecture = 'lecture', // lectures and talks
  WorkshopEvent = 'workshop_event', // workshops and events
  ClientSession = 'client_session', // experience-based client sessions
  ProfessionalPair = 'professional_pair', // working as a professional's pair
}
