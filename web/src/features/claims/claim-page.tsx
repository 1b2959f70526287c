import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAnnounce } from '../../components/announcer';
import { FileChoice, fileBinder } from '../../components/file-choice';
import { Facts } from '../../components/facts';
import { DateTimeField, RadioField } from '../../components/fields';
import { type FieldError, fieldBinder, Form, TextAreaField, TextField, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { BusyButton } from '../../components/busy-button';
import { useAnyUnsaved } from '../../components/leave-guard';
import { Section } from '../../components/section';
import { useServerDraft } from '../../components/server-draft';
import { Empty, Loaded, ProblemNotice, RefusedNotice, useKeptRefusal, type OnRefused } from '../../components/states';
import { fileProblem, UPLOAD_MAX_MEGABYTES } from '../../components/upload-limits';
import { Button, Heading, InlineAlert, Paragraph, RadioButton } from '../../components/suomifi';
import { formatCents, formatDate, formatNumber } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { newIdempotencyKey } from '../../api/idempotency-key';
import {
  addCost,
  canSubmit,
  type Claim,
  type CostKind,
  isEditable,
  removeCost,
  submitClaim,
  type Trip,
  updateClaim,
  useClaim,
  useStoreClaim,
} from './claims-api';
import './claims.css';

const COST_KINDS: CostKind[] = ['public_transport', 'parking', 'other'];
const dayOf = (date: string) => `${date}T12:00:00Z`;

// "2,5" or "2.5" → 2.5; anything else is NaN.
function parseDecimal(text: string): number {
  const clean = text.trim().replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(clean) ? Number(clean) : Number.NaN;
}

// Minutes as the hours a person types: 150 → "2,5" (fi, sv) or "2.5" (en).
function hoursText(language: Language, minutes: number): string {
  const hours = Math.round((minutes / 60) * 100) / 100;
  return language === 'en' ? String(hours) : String(hours).replace('.', ',');
}

export function ClaimPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useClaim(id);
  return (
    <div className="content-narrow">
      <Page title={query.data ? t('claims.claim.title', { title: query.data.title }) : t('claims.claim.titleLoading')}>
        <Loaded query={query}>{(claim) => <ClaimView claim={claim} />}</Loaded>
        <AppLink to="/claims">{t('claims.backToList')}</AppLink>
      </Page>
    </div>
  );
}

function ClaimView({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const editable = isEditable(claim);
  // A change refused because the claim was sent or decided meanwhile (another tab, a coordinator) refreshes it, and
  // the forms go with its editable state: the refusal stays here.
  const refusal = useKeptRefusal(claim.status);
  return (
    <>
      <Progress claim={claim} />
      {refusal.gone !== undefined && <RefusedNotice error={refusal.gone} />}
      {claim.status === 'returned' && claim.returnReason && (
        <InlineAlert status="warning" labelText={t('claims.returned.heading')} mb="m">
          <Paragraph>{claim.returnReason}</Paragraph>
          <Paragraph mt="xs">{t('claims.returned.fix')}</Paragraph>
        </InlineAlert>
      )}
      {claim.lateCancellation && (
        <InlineAlert status="neutral" labelText={t('claims.lateCancellation.heading')} mb="m">
          <Paragraph>
            {claim.status === 'submitted' ? t('claims.lateCancellation.editable') : t('claims.lateCancellation.body')}
          </Paragraph>
        </InlineAlert>
      )}
      {editable && !claim.lateCancellation ? (
        <WorkForm claim={claim} onRefused={refusal.keep} />
      ) : (
        <WorkFacts claim={claim} />
      )}
      <Trips claim={claim} editable={editable} onRefused={refusal.keep} />
      <Costs claim={claim} editable={editable} onRefused={refusal.keep} />
      {claim.amounts && <Amounts claim={claim} />}
      {canSubmit(claim) && <Submit claim={claim} onRefused={refusal.keep} />}
    </>
  );
}

// Where the claim is on its way to payment, each step with its date.
function Progress({ claim }: { claim: Claim }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const decided = claim.status === 'returned' ? 'returned' : 'approved';
  const steps: { key: string; at: string | null; done: boolean }[] = [
    { key: 'submitted', at: claim.submittedAt ?? null, done: Boolean(claim.submittedAt) && claim.status !== 'draft' },
    {
      key: decided,
      at: claim.decidedAt ?? null,
      done: Boolean(claim.decidedAt) && ['approved', 'returned', 'paid'].includes(claim.status),
    },
    { key: 'paid', at: claim.paidAt ?? null, done: claim.status === 'paid' },
  ];
  return (
    <Section headingId="claim-progress-heading" heading={t('claims.progress.heading')}>
      <p className={`claim-status claim-status--${claim.status}`}>
        {t('claims.progress.now', { status: t(`claims.status.${claim.status}`) })}
      </p>
      <ol className="claim-steps">
        {steps.map((s) => (
          <li key={s.key} className={s.done ? 'claim-steps__done' : undefined}>
            {s.done && s.at
              ? t(`claims.progress.${s.key}At`, { date: formatDate(language, s.at) })
              : t(`claims.progress.${s.key}Pending`)}
          </li>
        ))}
      </ol>
    </Section>
  );
}

function WorkFacts({ claim }: { claim: Claim }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <Section headingId="claim-work-heading" heading={t('claims.work.heading')}>
      <dl className="facts">
        <div>
          <dt>{t('claims.work.date')}</dt>
          <dd>{formatDate(language, dayOf(claim.workDate))}</dd>
        </div>
        <div>
          <dt>{t('claims.work.worked')}</dt>
          <dd>{t('claims.hours', { hours: hoursText(language, claim.workedMinutes) })}</dd>
        </div>
        <div>
          <dt>{t('claims.work.preparation')}</dt>
          <dd>{t('claims.hours', { hours: hoursText(language, claim.preparationMinutes) })}</dd>
        </div>
        {claim.note && (
          <div>
            <dt>{t('claims.work.note')}</dt>
            <dd>{claim.note}</dd>
          </div>
        )}
      </dl>
    </Section>
  );
}

type Refused = { onRefused: OnRefused };

function WorkForm({ claim, onRefused }: { claim: Claim } & Refused) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const store = useStoreClaim();
  // Over the claim as last read: a field not changed here shows what another tab saved, and a save sends only the
  // fields changed here.
  const { values, setValues, changedPart, reset } = useServerDraft({
    workedMinutes: hoursText(language, claim.workedMinutes),
    preparationMinutes: hoursText(language, claim.preparationMinutes),
    note: claim.note,
  });
  const labels = {
    workedMinutes: t('claims.work.worked'),
    preparationMinutes: t('claims.work.preparation'),
    note: t('claims.work.note'),
  };
  const { submit, formProps, errors } = useSubmission({
    labels,
    validate: (v: typeof values) => {
      const found: FieldError[] = [];
      const worked = parseDecimal(v.workedMinutes);
      const prep = parseDecimal(v.preparationMinutes);
      if (Number.isNaN(worked) || worked > 24)
        found.push({
          field: 'workedMinutes',
          text: t('claims.errors.hours', { field: labels.workedMinutes, max: 24 }),
        });
      if (Number.isNaN(prep) || prep > 40)
        found.push({
          field: 'preparationMinutes',
          text: t('claims.errors.hours', { field: labels.preparationMinutes, max: 40 }),
        });
      return found;
    },
    send: (v: typeof values) =>
      updateClaim(
        claim,
        changedPart({
          workedMinutes: Math.round(parseDecimal(v.workedMinutes) * 60),
          preparationMinutes: Math.round(parseDecimal(v.preparationMinutes) * 60),
          note: v.note.trim(),
        }),
      ),
    onSuccess: async (saved) => {
      reset();
      await store(saved);
      announce(t('claims.work.saved'));
    },
    onRefused,
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <Section headingId="claim-work-heading" heading={t('claims.work.heading')}>
      <Paragraph mb="m">{t('claims.work.intro', { date: formatDate(language, dayOf(claim.workDate)) })}</Paragraph>
      <Form {...formProps} id="work-form" onSubmit={() => submit(values)} submitLabel={t('claims.work.save')}>
        <TextField {...bind('workedMinutes')} hint={t('claims.work.hoursHint')} />
        <TextField {...bind('preparationMinutes')} hint={t('claims.work.preparationHint')} />
        <TextAreaField {...bind('note')} optional />
      </Form>
    </Section>
  );
}

// A trip as the list knows it: the API gives trips no id.
const tripKey = (trip: Claim['trips'][number]) => `${trip.date}|${trip.from}|${trip.to}|${trip.km}`;

// A refused removal: below the list while its row is there (a network failure, say). Where the refresh after the
// refusal took the row (removed in another tab), the notice takes the focus that the row's button had.
function RemovalFailure({ error, gone }: { error: unknown; gone: boolean }) {
  return gone ? <RefusedNotice error={error} /> : <ProblemNotice error={error} />;
}

function Trips({ claim, editable, onRefused }: { claim: Claim; editable: boolean } & Refused) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const store = useStoreClaim();
  const remove = useMutation({
    mutationFn: (index: number) => updateClaim(claim, { trips: claim.trips.filter((_, i) => i !== index) }),
    onSuccess: async (saved) => {
      await store(saved);
      announce(t('claims.trips.removed'));
    },
  });
  const [tried, setTried] = useState<string>();
  const removeOne = (index: number) => {
    if (remove.isPending) return;
    setTried(tripKey(claim.trips[index]));
    onRefused(undefined);
    remove.mutate(index, { onError: onRefused });
  };
  return (
    <Section headingId="claim-trips-heading" heading={t('claims.trips.heading')}>
      {claim.trips.length === 0 ? (
        <Empty text={t('claims.trips.empty')} />
      ) : (
        <ul className="card-list">
          {claim.trips.map((trip, index) => {
            const name = t('claims.trips.route', { from: trip.from, to: trip.to });
            return (
              <li key={`${trip.date}-${trip.from}-${trip.to}-${index}`}>
                <Paragraph>
                  <strong>{name}</strong>
                </Paragraph>
                <Paragraph>
                  {t('claims.trips.line', {
                    date: formatDate(language, dayOf(trip.date)),
                    km: formatNumber(language, trip.km, 1),
                  })}
                </Paragraph>
                {editable && (
                  <BusyButton
                    variant="secondaryNoBorder"
                    mt="xs"
                    aria-label={t('claims.trips.removeNamed', { name })}
                    busy={remove.isPending && remove.variables === index}
                    blocked={remove.isPending}
                    onClick={() => removeOne(index)}
                  >
                    {t('claims.trips.remove')}
                  </BusyButton>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {/* Once the claim is no longer editable (sent meanwhile), the page keeps the refusal with the focus. */}
      {editable && remove.isError && (
        <RemovalFailure error={remove.error} gone={!claim.trips.some((trip) => tripKey(trip) === tried)} />
      )}
      {editable && <TripForm claim={claim} onRefused={onRefused} />}
    </Section>
  );
}

function TripForm({ claim, onRefused }: { claim: Claim } & Refused) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const store = useStoreClaim();
  const empty = { tripFrom: '', tripTo: '', tripKm: '', tripDate: claim.workDate };
  const [values, setValues] = useState(empty);
  const labels = {
    tripFrom: t('claims.trips.from'),
    tripTo: t('claims.trips.to'),
    tripKm: t('claims.trips.km'),
    tripDate: t('claims.trips.date'),
  };
  const { submit, formProps, errors } = useSubmission({
    labels,
    validate: (v: typeof values) => {
      const found: FieldError[] = [];
      if (!v.tripFrom.trim()) found.push({ field: 'tripFrom', text: t('forms.required', { field: labels.tripFrom }) });
      if (!v.tripTo.trim()) found.push({ field: 'tripTo', text: t('forms.required', { field: labels.tripTo }) });
      const km = parseDecimal(v.tripKm);
      if (Number.isNaN(km) || km < 0.1 || km > 1000)
        found.push({ field: 'tripKm', text: t('claims.errors.km', { field: labels.tripKm }) });
      if (!v.tripDate) found.push({ field: 'tripDate', text: t('forms.required', { field: labels.tripDate }) });
      return found;
    },
    send: (v: typeof values) => {
      const trip: Trip = {
        from: v.tripFrom.trim(),
        to: v.tripTo.trim(),
        km: Math.round(parseDecimal(v.tripKm) * 10) / 10,
        date: v.tripDate,
      };
      return updateClaim(claim, { trips: [...claim.trips, trip] });
    },
    onSuccess: async (saved) => {
      await store(saved);
      setValues(empty);
      announce(t('claims.trips.added'));
    },
    onRefused,
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <>
      <Heading variant="h3" mb="s">
        {t('claims.trips.addHeading')}
      </Heading>
      <Paragraph mb="m">{t('claims.trips.intro')}</Paragraph>
      <Form {...formProps} id="trip-form" onSubmit={() => submit(values)} submitLabel={t('claims.trips.add')}>
        <TextField {...bind('tripFrom')} hint={t('claims.trips.placeHint')} />
        <TextField {...bind('tripTo')} />
        <TextField {...bind('tripKm')} hint={t('claims.trips.kmHint')} />
        <DateTimeField {...bind('tripDate')} type="date" />
      </Form>
    </>
  );
}

function Costs({ claim, editable, onRefused }: { claim: Claim; editable: boolean } & Refused) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const query = useClaim(claim.id);
  const remove = useMutation({
    mutationFn: (costId: string) => removeCost(claim.id, costId),
    onSuccess: async () => {
      await query.refetch();
      announce(t('claims.costs.removed'));
    },
  });
  const removeOne = (costId: string) => {
    if (remove.isPending) return;
    onRefused(undefined);
    remove.mutate(costId, { onError: onRefused });
  };
  return (
    <Section headingId="claim-costs-heading" heading={t('claims.costs.heading')}>
      {claim.costs.length === 0 ? (
        <Empty text={t('claims.costs.empty')} />
      ) : (
        <ul className="card-list">
          {claim.costs.map((cost) => {
            const name = `${t(`claims.costs.kind.${cost.kind}`)} ${formatCents(language, cost.amountCents)}`;
            return (
              <li key={cost.id}>
                <Paragraph>
                  <strong>{name}</strong>
                </Paragraph>
                {cost.description && <Paragraph>{cost.description}</Paragraph>}
                <Paragraph>{t('claims.costs.receipt', { name: cost.receipt.name })}</Paragraph>
                {editable && (
                  <BusyButton
                    variant="secondaryNoBorder"
                    mt="xs"
                    aria-label={t('claims.costs.removeNamed', { name })}
                    busy={remove.isPending && remove.variables === cost.id}
                    blocked={remove.isPending}
                    onClick={() => removeOne(cost.id)}
                  >
                    {t('claims.costs.remove')}
                  </BusyButton>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editable && remove.isError && (
        <RemovalFailure error={remove.error} gone={!claim.costs.some((cost) => cost.id === remove.variables)} />
      )}
      {editable && <CostForm claim={claim} onRefused={onRefused} />}
    </Section>
  );
}

function CostForm({ claim, onRefused }: { claim: Claim } & Refused) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const store = useStoreClaim();
  const [values, setValues] = useState({
    kind: 'public_transport' as CostKind,
    amountCents: '',
    description: '',
    receipt: null as File | null,
  });
  // One key for one cost: a send after a lost answer repeats it, a send after a success is a new one.
  const [costKey, setCostKey] = useState(newIdempotencyKey);
  const labels = {
    kind: t('claims.costs.kindLabel'),
    amountCents: t('claims.costs.amount'),
    description: t('claims.costs.description'),
    receipt: t('claims.costs.receiptLabel'),
  };
  const { submit, formProps, errors } = useSubmission({
    labels,
    validate: (v: typeof values) => {
      const found: FieldError[] = [];
      const euros = parseDecimal(v.amountCents);
      if (Number.isNaN(euros) || euros < 0.01 || euros > 1000)
        found.push({ field: 'amountCents', text: t('claims.errors.amount', { field: labels.amountCents }) });
      const receiptText = v.receipt ? fileProblem(t, v.receipt, labels.receipt) : t('claims.errors.noReceipt');
      if (receiptText) found.push({ field: 'receipt', text: receiptText });
      return found;
    },
    send: (v: typeof values) =>
      addCost(
        claim.id,
        {
          kind: v.kind,
          amountCents: Math.round(parseDecimal(v.amountCents) * 100),
          description: v.description.trim(),
          receipt: v.receipt as File,
        },
        costKey,
      ),
    onSuccess: async (saved) => {
      setCostKey(newIdempotencyKey());
      await store(saved);
      setValues({ kind: values.kind, amountCents: '', description: '', receipt: null });
      announce(t('claims.costs.added'));
    },
    onRefused,
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  const bindFile = fileBinder(values, setValues, labels, errors);
  return (
    <>
      <Heading variant="h3" mb="s">
        {t('claims.costs.addHeading')}
      </Heading>
      <Paragraph mb="m">{t('claims.costs.intro')}</Paragraph>
      <Form {...formProps} id="cost-form" onSubmit={() => submit(values)} submitLabel={t('claims.costs.add')}>
        <RadioField {...bind('kind')}>
          {COST_KINDS.map((kind) => (
            <RadioButton key={kind} value={kind}>
              {t(`claims.costs.kind.${kind}`)}
            </RadioButton>
          ))}
        </RadioField>
        <TextField {...bind('amountCents')} hint={t('claims.costs.amountHint')} />
        <TextField {...bind('description')} optional />
        <FileChoice
          {...bindFile('receipt')}
          limits={t('claims.costs.limits', { size: formatNumber(language, UPLOAD_MAX_MEGABYTES) })}
          chooseLabel={t('claims.costs.chooseFile')}
          photoLabel={t('claims.costs.takePhoto')}
          chosen={values.receipt && t('claims.costs.chosen', { name: values.receipt.name })}
        />
      </Form>
    </>
  );
}

function Amounts({ claim }: { claim: Claim }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const a = claim.amounts!;
  const rows: [string, number][] = [
    ['fee', a.grossFeeCents],
    ['travel', a.travelAndCostsCents],
    ['withholding', a.withholdingCents],
    ['net', a.netPayableCents],
  ];
  return (
    <Section headingId="claim-amounts-heading" heading={t('claims.amounts.heading')}>
      <Paragraph mb="s">{claim.status === 'paid' ? t('claims.amounts.paid') : t('claims.amounts.estimate')}</Paragraph>
      <Facts rows={rows.map(([key, cents]) => [t(`claims.amounts.${key}`), formatCents(language, cents)])} />
    </Section>
  );
}

function Submit({ claim, onRefused }: { claim: Claim } & Refused) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const store = useStoreClaim();
  const anyUnsaved = useAnyUnsaved();
  const [unsavedFirst, setUnsavedFirst] = useState(false);
  const inFlight = useRef(false);
  const send = useMutation({
    mutationFn: () => submitClaim(claim.id),
    onSettled: () => {
      inFlight.current = false;
    },
    onSuccess: async (saved) => {
      await store(saved);
      announce(t('claims.submit.done'));
    },
    onError: onRefused,
  });
  // Work time, a trip or a cost typed and not yet saved would be left out of the claim sent: the person is asked
  // first, and may send without them (what was typed may have been left on purpose).
  const press = (withoutUnsaved = false) => {
    if (inFlight.current) return;
    const unsaved = !withoutUnsaved && anyUnsaved();
    setUnsavedFirst(unsaved);
    if (unsaved) {
      announce(t('claims.submit.unsavedFirst'));
      return;
    }
    inFlight.current = true;
    onRefused(undefined);
    send.mutate();
  };
  return (
    <Section headingId="claim-submit-heading" heading={t('claims.submit.heading')}>
      <Paragraph mb="m">
        {claim.status === 'returned' ? t('claims.submit.introReturned') : t('claims.submit.intro')}
      </Paragraph>
      <BusyButton busy={send.isPending} onClick={() => press()}>
        {claim.status === 'returned' ? t('claims.submit.again') : t('claims.submit.button')}
      </BusyButton>
      {unsavedFirst && (
        <>
          <ProblemNotice error={null} text={t('claims.submit.unsavedFirst')} />
          <Button variant="secondary" onClick={() => press(true)}>
            {t('claims.submit.withoutUnsaved')}
          </Button>
        </>
      )}
      {send.isError && <ProblemNotice error={send.error} />}
    </Section>
  );
}
