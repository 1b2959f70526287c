import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { session, type Me } from '../api/session';
import { useSession } from '../api/use-session';
import { useAnnounce } from '../components/announcer';
import { Form, TextField, checkRequired, fieldBinder, useSubmission } from '../components/form';
import { Button, Modal, ModalContent, ModalFooter, ModalTitle, Paragraph } from '../components/suomifi';

// A session that ended by itself (idle, or no longer accepted) locks the page: the person signs in again here and
// finds the page as they left it, with what they had typed; or signs out, and the page is forgotten.
export function SessionLock() {
  const state = useSession();
  return state.status === 'locked' ? <Lock user={state.user} reason={state.reason} /> : null;
}

const PASSWORD = 'lock-password';

function Lock({ user, reason }: { user: Me; reason: 'idle' | 'expired' }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [values, setValues] = useState({ password: '' });
  // Where the person was (a field, typing): the focus goes back there once they are in again. Said here, as the
  // dialog goes, since the sign-in's own success comes after the dialog has gone with the lock.
  const left = useRef(document.activeElement);
  useEffect(
    () => () => {
      if (session.current().status !== 'signedIn') return;
      const back = left.current instanceof HTMLElement && left.current.isConnected ? left.current : null;
      (back ?? document.getElementById('main'))?.focus();
      announce(t('session.unlocked'));
    },
    // Once, when the lock goes: the texts and the announcer are the ones of that moment.
    [],
  );
  const labels = { [PASSWORD]: t('fields.password') };
  const { submit, formProps, errors } = useSubmission({
    labels,
    fieldPrefix: 'lock-',
    validate: (v: typeof values) => checkRequired(t, [{ field: PASSWORD, label: labels[PASSWORD], value: v.password }]),
    send: (v: typeof values) => session.unlock(v.password),
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <Modal visible appElementId="root" onEscKeyDown={() => undefined} ariaLabelledBy="session-lock-title">
      <ModalContent>
        <ModalTitle id="session-lock-title">{t('session.lockedTitle')}</ModalTitle>
        <Paragraph mb="s">{t(reason === 'idle' ? 'session.lockedIdle' : 'session.lockedExpired')}</Paragraph>
        <Paragraph mb="m">{t('session.lockedKept', { email: user.email })}</Paragraph>
        <Form {...formProps} onSubmit={() => submit(values)} submitLabel={t('session.unlock')}>
          <TextField {...bind('password', PASSWORD)} type="password" autoComplete="current-password" />
        </Form>
      </ModalContent>
      <ModalFooter>
        <Button variant="secondary" onClick={() => void session.signOut()}>
          {t('session.signOut')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
