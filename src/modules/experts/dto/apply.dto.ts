import { Language } from '../../../common/i18n/language';
import { MailLanguage, NewAccountEmail, PersonName } from '../../../common/validation/person-fields.decorators';

export class ApplyDto {
  @NewAccountEmail('maija@example.org')
  email: string;

  @PersonName()
  name: string;

  @MailLanguage()
  language: Language = Language.Fi;
}
