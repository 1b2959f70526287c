import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAnnounce } from '../../components/announcer';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { Empty, LoadError, Loading, ReadFailure, RefreshFailed, RefusedNotice } from '../../components/states';
import { failedToLoad } from '../../components/query-state';
import { OrderForm } from './order-form';
import { type Organisation, useInvalidateOrders, useMyOrganisations, useOrder } from './orders-api';
import { countyToday } from '../../i18n/helsinki-date';

// Only units and projects still active can order (rule 1: active on the order's day; the API checks the day).
const active = (o: Organisation, today: string) => o.activeUntil === null || o.activeUntil >= today;

function useSaved() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const invalidate = useInvalidateOrders();
  return (id: string) => {
    announce(t('orders.form.saved'));
    void invalidate();
    // In place of the new-order form: Back then leads to where the person came from, not to an empty form whose
    // second save would make a second draft.
    void navigate(`/orders/${id}`, { replace: true });
  };
}

export function NewOrderPage() {
  const { t } = useTranslation();
  const organisations = useMyOrganisations();
  const saved = useSaved();
  const today = countyToday();
  const usable = organisations.data?.filter((o) => active(o, today)) ?? [];
  return (
    <Page title={t('orders.form.title')}>
      {organisations.isPending && <Loading />}
      <ReadFailure query={organisations} />
      {organisations.data && usable.length === 0 && <Empty text={t('orders.form.noOrganisations')} />}
      {usable.length > 0 && <OrderForm organisations={usable} onSaved={(order) => saved(order.id)} />}
    </Page>
  );
}

export function EditOrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useOrder(id);
  const organisations = useMyOrganisations();
  const saved = useSaved();
  const today = countyToday();
  // Saving refused because the order was sent or cancelled meanwhile (another tab) refreshes it, and the form goes
  // with its draft state: the refusal stays.
  const [refused, setRefused] = useState<unknown>();
  if (order.isPending || organisations.isPending)
    return (
      <Page title={t('orders.form.editTitle')}>
        <Loading />
      </Page>
    );
  if (failedToLoad(order) || failedToLoad(organisations))
    return (
      <Page title={t('orders.form.editTitle')}>
        <LoadError error={order.error ?? organisations.error} />
      </Page>
    );
  if (order.data.status !== 'draft') {
    return (
      <Page title={t('orders.form.editTitle')}>
        {refused !== undefined && <RefusedNotice error={refused} />}
        <Empty text={t('orders.form.notDraft')} />
        <AppLink to={`/orders/${id}`}>{t('orders.backToOrder')}</AppLink>
      </Page>
    );
  }
  return (
    <Page title={t('orders.form.editTitle')}>
      <RefreshFailed query={order} />
      <RefreshFailed query={organisations} />
      <OrderForm
        organisations={organisations.data.filter((o) => active(o, today) || o.id === order.data.organisationId)}
        existing={order.data}
        onSaved={(o) => saved(o.id)}
        onRefused={setRefused}
      />
    </Page>
  );
}
