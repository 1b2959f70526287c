import { Language } from '../../../common/i18n/language';
import { TrainingType } from '../entities/training-credential.entity';
import { credentialRejectedMail } from './credential-rejected.mail';
import { credentialVerifiedMail } from './credential-verified.mail';

const params = { name: 'Maija', type: TrainingType.Kokemustoimija, provider: 'Vamia', completedOn: '2025-05-08' };

describe('credential mail', () => {
  it.each([
    [Language.Fi, 'Kokemustoimijakoulutus, Vamia, suoritettu 8.5.2025.'],
    [Language.Sv, 'Utbildning till erfarenhetsaktör, Vamia, slutförd 8.5.2025.'],
    [Language.En, 'Shorter expert-by-experience training (kokemustoimija), Vamia, completed 8 May 2025.'],
  ])('names the credential in %s', (language, line) => {
    expect(credentialVerifiedMail.render[language](params).text).toContain(line);
    expect(credentialRejectedMail.render[language]({ ...params, reason: 'x' }).text).toContain(line);
  });

  it.each(Object.values(Language))('tells the reason for a rejection in %s, as written', (language) => {
    const reason = 'Todistuksesta puuttuu allekirjoitus.\nLähetä uusi kopio.';
    expect(credentialRejectedMail.render[language]({ ...params, reason }).text).toContain(`\n${reason}\n`);
  });

  it('has a subject and a greeting by name in every language', () => {
    for (const language of Object.values(Language)) {
      for (const mail of [
        credentialVerifiedMail.render[language](params),
        credentialRejectedMail.render[language]({ ...params, reason: 'x' }),
      ]) {
        expect(mail.subject.length).toBeGreaterThan(10);
        expect(mail.text.split('\n')[0]).toMatch(/^(Hei|Hej|Hello) Maija,$/);
      }
    }
  });
});
