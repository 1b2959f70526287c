import { createContext, type ReactNode, useContext, useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { session } from '../api/session';
import { Button, Modal, ModalContent, ModalFooter, ModalTitle, Paragraph } from './suomifi';

interface Marks {
  edited: (form: string) => void;
  settled: (form: string) => void;
  any: () => boolean;
}

const UnsavedForms = createContext<Marks | null>(null);

// Nothing lost if a person stops halfway (UI.md): while a form holds something typed and not yet sent with success,
// going to another page of the app first asks whether to leave without saving. The marks are kept in a ref, not in
// state, so that a save's own move to the next page (in the same tick as its success) is never asked about. A session
// that was signed out leaves without asking; one that timed out keeps the page behind its lock (session.ts). Leaving the app altogether asks the browser's question.
export function LeaveGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const unsaved = useRef(new Set<string>());
  const stay = useRef<HTMLButtonElement>(null);
  const marks = useMemo<Marks>(
    () => ({
      edited: (form) => unsaved.current.add(form),
      settled: (form) => unsaved.current.delete(form),
      any: () => unsaved.current.size > 0,
    }),
    [],
  );
  // Closing the tab or window, reloading, or leaving the app by its address bar: the browser's own question.
  useEffect(() => {
    const ask = (event: BeforeUnloadEvent) => {
      if (unsaved.current.size > 0 && session.current().status !== 'signedOut') event.preventDefault();
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, []);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved.current.size > 0 &&
      currentLocation.pathname !== nextLocation.pathname &&
      session.current().status === 'signedIn',
  );
  return (
    <UnsavedForms value={marks}>
      {children}
      {blocker.state === 'blocked' && (
        <Modal
          visible
          appElementId="root"
          focusOnOpenRef={stay}
          onEscKeyDown={() => blocker.reset()}
          ariaLabelledBy="leave-guard-title"
        >
          <ModalContent>
            <ModalTitle id="leave-guard-title">{t('forms.leave.title')}</ModalTitle>
            <Paragraph>{t('forms.leave.body')}</Paragraph>
          </ModalContent>
          <ModalFooter>
            <Button ref={stay} onClick={() => blocker.reset()}>
              {t('forms.leave.stay')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                unsaved.current.clear();
                blocker.proceed();
              }}
            >
              {t('forms.leave.leave')}
            </Button>
          </ModalFooter>
        </Modal>
      )}
    </UnsavedForms>
  );
}

// One form's part: `edited` when something is typed in it, `settled` when it was sent with success. A form that
// goes away (its page left, its section closed) holds nothing any more.
export function useUnsavedMarks(): { edited: () => void; settled: () => void } {
  const marks = useContext(UnsavedForms);
  const form = useId();
  useEffect(() => () => marks?.settled(form), [marks, form]);
  return useMemo(() => ({ edited: () => marks?.edited(form), settled: () => marks?.settled(form) }), [marks, form]);
}

// Whether any form on the page holds something typed and not yet saved: an action that sends what was saved (a
// claim's submission) asks first, or what was typed would be left out unseen.
export function useAnyUnsaved(): () => boolean {
  const marks = useContext(UnsavedForms);
  return () => marks?.any() ?? false;
}
