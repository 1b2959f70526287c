import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { session } from '../api/session';
import { useSession } from '../api/use-session';
import { useAnnounce } from '../components/announcer';
import { Button, Modal, ModalContent, ModalFooter, ModalTitle, Paragraph } from '../components/suomifi';

// WCAG 2.2.1: before an idle session ends, the person is told and can continue with one press.
export function SessionWarning() {
  const state = useSession();
  const warning = state.status === 'signedIn' ? state.warning : undefined;
  return warning ? <Warning signOutAt={warning.signOutAt} /> : null;
}

// Mounted when the warning opens, so that its clock starts then (not when the app started).
function Warning({ signOutAt }: { signOutAt: number }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const continueButton = useRef<HTMLButtonElement>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  const minutes = Math.max(1, Math.ceil((signOutAt - now) / 60_000));
  const extend = async () => {
    if (await session.extend()) announce(t('session.continued'));
  };
  return (
    <Modal
      visible
      appElementId="root"
      focusOnOpenRef={continueButton}
      onEscKeyDown={() => void extend()}
      ariaLabelledBy="session-warning-title"
    >
      <ModalContent>
        <ModalTitle id="session-warning-title">{t('session.warningTitle')}</ModalTitle>
        <Paragraph>{t('session.warningBody', { count: minutes })}</Paragraph>
      </ModalContent>
      <ModalFooter>
        <Button ref={continueButton} onClick={() => void extend()}>
          {t('session.continue')}
        </Button>
        <Button variant="secondary" onClick={() => void session.signOut()}>
          {t('session.signOut')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
