import { formatDate } from '../../../common/i18n/format';
import { Language, Translations } from '../../../common/i18n/language';
import { TrainingType } from '../entities/training-credential.entity';

export interface CredentialMailParams {
  name: string;
  type: TrainingType;
  provider: string;
  completedOn: string;
}

const TRAINING: Translations<Record<TrainingType, string>> = {
  fi: {
    [TrainingType.Kokemusasiantuntija]: 'Kokemusasiantuntijakoulutus',
    [TrainingType.Kokemustoimija]: 'Kokemustoimijakoulutus',
    [TrainingType.Other]: 'Muu koulutus',
  },
  sv: {
    [TrainingType.Kokemusasiantuntija]: 'Utbildning till erfarenhetsexpert',
    [TrainingType.Kokemustoimija]: 'Utbildning till erfarenhetsaktör',
    [TrainingType.Other]: 'Annan utbildning',
  },
  en: {
    [TrainingType.Kokemusasiantuntija]: 'Expert-by-experience training (kokemusasiantuntija)',
    [TrainingType.Kokemustoimija]: 'Shorter expert-by-experience training (kokemustoimija)',
    [TrainingType.Other]: 'Other training',
  },
};

const COMPLETED: Translations<string> = { fi: 'suoritettu', sv: 'slutförd', en: 'completed' };

// "Kokemusasiantuntijakoulutus, Vamia, suoritettu 28.5.2025."
export function credentialLine(p: CredentialMailParams, language: Language): string {
  return `${TRAINING[language][p.type]}, ${p.provider}, ${COMPLETED[language]} ${formatDate(p.completedOn, language)}.`;
}
