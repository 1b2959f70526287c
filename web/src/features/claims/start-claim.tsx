import { useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/problem';
import { useAnnounce } from '../../components/announcer';
import { ProblemNotice, type OnRefused } from '../../components/states';
import { Button } from '../../components/suomifi';
import { createClaim, useStoreClaim } from './claims-api';

// One press makes the draft and opens it; a second press while it is being made does nothing. A claim that
// already exists is opened instead: one the page knows of, or one the API names in its refusal (made on another
// device, or by an earlier press whose answer the connection lost).
export function StartClaimButton({
  assignmentId,
  existingClaimId,
  label,
  onRefused,
}: {
  assignmentId: string;
  existingClaimId?: string;
  label: string;
  // See useSubmission.
  onRefused?: OnRefused;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const store = useStoreClaim();
  const inFlight = useRef(false);
  const start = useMutation({
    mutationFn: () => createClaim(assignmentId),
    onSettled: () => {
      inFlight.current = false;
    },
    onError: async (error) => {
      if (isApiError(error) && error.code === 'CLAIM_ALREADY_EXISTS' && error.claimId) {
        announce(t('claims.alreadyStarted'));
        await navigate(`/claims/${error.claimId}`);
        return;
      }
      onRefused?.(error);
    },
    onSuccess: async (claim) => {
      await store(claim);
      announce(t('claims.started'));
      await navigate(`/claims/${claim.id}`);
    },
  });
  const press = () => {
    if (existingClaimId) {
      void navigate(`/claims/${existingClaimId}`);
      return;
    }
    if (inFlight.current) return;
    inFlight.current = true;
    onRefused?.(undefined);
    start.mutate();
  };
  const refusal = isApiError(start.error) ? start.error : undefined;
  const exists = refusal?.code === 'CLAIM_ALREADY_EXISTS';
  // The claim named in the refusal is being opened: nothing to show.
  const opening = exists && !!refusal.claimId;
  return (
    <>
      <Button
        aria-disabled={start.isPending}
        loading={start.isPending || undefined}
        ariaLoadingText={t('forms.sending')}
        onClick={press}
      >
        {label}
      </Button>
      {start.isError && !opening && (
        <ProblemNotice error={start.error} title={exists ? undefined : t('claims.startFailed')} />
      )}
    </>
  );
}
