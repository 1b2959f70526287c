import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireSession, RequireSignedOut } from './guards';
import { NotFoundPage } from './not-found-page';
import { RoleHome } from './role-home';
import { Shell } from './shell';

// One chunk per page: a person downloads only the screens they open.
const SignInPage = lazy(() => import('../features/auth/sign-in-page').then((m) => ({ default: m.SignInPage })));
const ForgottenPasswordPage = lazy(() =>
  import('../features/auth/forgotten-password-page').then((m) => ({ default: m.ForgottenPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('../features/auth/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })),
);
const SetPasswordPage = lazy(() =>
  import('../features/auth/set-password-page').then((m) => ({ default: m.SetPasswordPage })),
);
const ApplyPage = lazy(() => import('../features/apply/apply-page').then((m) => ({ default: m.ApplyPage })));
const AccessibilityPage = lazy(() =>
  import('../features/accessibility/accessibility-page').then((m) => ({ default: m.AccessibilityPage })),
);
const ClaimsPage = lazy(() => import('../features/claims/claims-page').then((m) => ({ default: m.ClaimsPage })));
const NewClaimPage = lazy(() => import('../features/claims/new-claim-page').then((m) => ({ default: m.NewClaimPage })));
const ClaimPage = lazy(() => import('../features/claims/claim-page').then((m) => ({ default: m.ClaimPage })));
const FeesPage = lazy(() => import('../features/fees/fees-page').then((m) => ({ default: m.FeesPage })));
const OffersPage = lazy(() => import('../features/offers/offers-page').then((m) => ({ default: m.OffersPage })));
const OfferPage = lazy(() => import('../features/offers/offer-page').then((m) => ({ default: m.OfferPage })));
const AssignmentsPage = lazy(() =>
  import('../features/assignments/assignments-page').then((m) => ({ default: m.AssignmentsPage })),
);
const AssignmentPage = lazy(() =>
  import('../features/assignments/assignment-page').then((m) => ({ default: m.AssignmentPage })),
);
const ContractsPage = lazy(() =>
  import('../features/contracts/contracts-page').then((m) => ({ default: m.ContractsPage })),
);
const ContractPage = lazy(() =>
  import('../features/contracts/contract-page').then((m) => ({ default: m.ContractPage })),
);
const AvailabilityPage = lazy(() =>
  import('../features/availability/availability-page').then((m) => ({ default: m.AvailabilityPage })),
);
const ProfilePage = lazy(() => import('../features/profile/profile-page').then((m) => ({ default: m.ProfilePage })));
const CertificatesPage = lazy(() =>
  import('../features/certificates/certificates-page').then((m) => ({ default: m.CertificatesPage })),
);
const PaymentDetailsPage = lazy(() =>
  import('../features/payment-details/payment-details-page').then((m) => ({ default: m.PaymentDetailsPage })),
);
const CalendarLinkPage = lazy(() =>
  import('../features/calendar-link/calendar-link-page').then((m) => ({ default: m.CalendarLinkPage })),
);
const MyOrdersPage = lazy(() => import('../features/orders/my-orders-page').then((m) => ({ default: m.MyOrdersPage })));
const NewOrderPage = lazy(() => import('../features/orders/new-order-page').then((m) => ({ default: m.NewOrderPage })));
const EditOrderPage = lazy(() =>
  import('../features/orders/new-order-page').then((m) => ({ default: m.EditOrderPage })),
);
const OrderPage = lazy(() => import('../features/orders/order-page').then((m) => ({ default: m.OrderPage })));
const SpendingPage = lazy(() =>
  import('../features/spending/spending-page').then((m) => ({ default: m.SpendingPage })),
);
const MyDataPage = lazy(() => import('../features/my-data/my-data-page').then((m) => ({ default: m.MyDataPage })));
const OrganisationsPage = lazy(() =>
  import('../features/admin/organisations/organisations-page').then((m) => ({ default: m.OrganisationsPage })),
);
const OrganisationPage = lazy(() =>
  import('../features/admin/organisations/organisation-page').then((m) => ({ default: m.OrganisationPage })),
);
const PeoplePage = lazy(() => import('../features/admin/people/people-page').then((m) => ({ default: m.PeoplePage })));
const AuditTrailPage = lazy(() =>
  import('../features/admin/audit-trail/audit-trail-page').then((m) => ({ default: m.AuditTrailPage })),
);
const FeeRunsPage = lazy(() => import('../features/fee-runs/fee-runs-page').then((m) => ({ default: m.FeeRunsPage })));
const FeeRunPage = lazy(() => import('../features/fee-runs/fee-run-page').then((m) => ({ default: m.FeeRunPage })));
const FeeSettingsPage = lazy(() =>
  import('../features/fee-settings/fee-settings-page').then((m) => ({ default: m.FeeSettingsPage })),
);
const TravelRatesPage = lazy(() =>
  import('../features/admin/travel-rates/travel-rates-page').then((m) => ({ default: m.TravelRatesPage })),
);
const ReportsPage = lazy(() => import('../features/reports/reports-page').then((m) => ({ default: m.ReportsPage })));

const CoordinatorExpertsPage = lazy(() =>
  import('../features/coordinator/experts/experts-page').then((m) => ({ default: m.ExpertsPage })),
);
const CoordinatorExpertPage = lazy(() =>
  import('../features/coordinator/experts/expert-page').then((m) => ({ default: m.ExpertPage })),
);
const CoordinatorMatchingPage = lazy(() =>
  import('../features/coordinator/matching/matching-page').then((m) => ({ default: m.MatchingPage })),
);
const CoordinatorContractsPage = lazy(() =>
  import('../features/coordinator/contracts/contracts-page').then((m) => ({ default: m.ContractsPage })),
);
const CoordinatorContractPage = lazy(() =>
  import('../features/coordinator/contracts/contract-page').then((m) => ({ default: m.ContractPage })),
);
const CoordinatorClaimsPage = lazy(() =>
  import('../features/coordinator/claims/claims-page').then((m) => ({ default: m.ClaimsPage })),
);
const CoordinatorClaimPage = lazy(() =>
  import('../features/coordinator/claims/claim-page').then((m) => ({ default: m.ClaimPage })),
);

// Paths are the web app's own; the API lives under /api and the server gives every other path this app.
export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      {
        path: '/',
        element: (
          <RequireSession>
            <RoleHome />
          </RequireSession>
        ),
      },
      {
        path: '/offers',
        element: (
          <RequireSession>
            <OffersPage />
          </RequireSession>
        ),
      },
      {
        path: '/offers/:id',
        element: (
          <RequireSession>
            <OfferPage />
          </RequireSession>
        ),
      },
      {
        path: '/assignments',
        element: (
          <RequireSession>
            <AssignmentsPage />
          </RequireSession>
        ),
      },
      {
        path: '/assignments/:id',
        element: (
          <RequireSession>
            <AssignmentPage />
          </RequireSession>
        ),
      },
      {
        path: '/contracts',
        element: (
          <RequireSession>
            <ContractsPage />
          </RequireSession>
        ),
      },
      {
        path: '/contracts/:id',
        element: (
          <RequireSession>
            <ContractPage />
          </RequireSession>
        ),
      },
      {
        path: '/availability',
        element: (
          <RequireSession>
            <AvailabilityPage />
          </RequireSession>
        ),
      },
      {
        path: '/profile',
        element: (
          <RequireSession>
            <ProfilePage />
          </RequireSession>
        ),
      },
      {
        path: '/certificates',
        element: (
          <RequireSession>
            <CertificatesPage />
          </RequireSession>
        ),
      },
      {
        path: '/payment-details',
        element: (
          <RequireSession>
            <PaymentDetailsPage />
          </RequireSession>
        ),
      },
      {
        path: '/calendar-link',
        element: (
          <RequireSession>
            <CalendarLinkPage />
          </RequireSession>
        ),
      },
      {
        path: '/my-data',
        element: (
          <RequireSession>
            <MyDataPage />
          </RequireSession>
        ),
      },
      {
        path: '/claims',
        element: (
          <RequireSession>
            <ClaimsPage />
          </RequireSession>
        ),
      },
      {
        path: '/claims/new',
        element: (
          <RequireSession>
            <NewClaimPage />
          </RequireSession>
        ),
      },
      {
        path: '/claims/:id',
        element: (
          <RequireSession>
            <ClaimPage />
          </RequireSession>
        ),
      },
      {
        path: '/fees',
        element: (
          <RequireSession>
            <FeesPage />
          </RequireSession>
        ),
      },
      {
        path: '/orders',
        element: (
          <RequireSession>
            <MyOrdersPage />
          </RequireSession>
        ),
      },
      {
        path: '/orders/new',
        element: (
          <RequireSession>
            <NewOrderPage />
          </RequireSession>
        ),
      },
      {
        path: '/orders/:id',
        element: (
          <RequireSession>
            <OrderPage />
          </RequireSession>
        ),
      },
      {
        path: '/orders/:id/edit',
        element: (
          <RequireSession>
            <EditOrderPage />
          </RequireSession>
        ),
      },
      {
        path: '/spending',
        element: (
          <RequireSession>
            <SpendingPage />
          </RequireSession>
        ),
      },
      {
        path: '/coordinator/experts',
        element: (
          <RequireSession>
            <CoordinatorExpertsPage />
          </RequireSession>
        ),
      },
      {
        path: '/coordinator/experts/:id',
        element: (
          <RequireSession>
            <CoordinatorExpertPage />
          </RequireSession>
        ),
      },
      {
        path: '/coordinator/orders/:id',
        element: (
          <RequireSession>
            <CoordinatorMatchingPage />
          </RequireSession>
        ),
      },
      {
        path: '/coordinator/contracts',
        element: (
          <RequireSession>
            <CoordinatorContractsPage />
          </RequireSession>
        ),
      },
      {
        path: '/coordinator/contracts/:id',
        element: (
          <RequireSession>
            <CoordinatorContractPage />
          </RequireSession>
        ),
      },
      {
        path: '/coordinator/claims',
        element: (
          <RequireSession>
            <CoordinatorClaimsPage />
          </RequireSession>
        ),
      },
      {
        path: '/coordinator/claims/:id',
        element: (
          <RequireSession>
            <CoordinatorClaimPage />
          </RequireSession>
        ),
      },
      {
        path: '/fee-runs',
        element: (
          <RequireSession>
            <FeeRunsPage />
          </RequireSession>
        ),
      },
      {
        path: '/fee-runs/:id',
        element: (
          <RequireSession>
            <FeeRunPage />
          </RequireSession>
        ),
      },
      {
        path: '/reports',
        element: (
          <RequireSession>
            <ReportsPage />
          </RequireSession>
        ),
      },
      {
        path: '/fee-settings',
        element: (
          <RequireSession>
            <FeeSettingsPage />
          </RequireSession>
        ),
      },
      {
        path: '/admin/travel-rates',
        element: (
          <RequireSession>
            <TravelRatesPage />
          </RequireSession>
        ),
      },
      {
        path: '/admin/people',
        element: (
          <RequireSession>
            <PeoplePage />
          </RequireSession>
        ),
      },
      {
        path: '/admin/organisations',
        element: (
          <RequireSession>
            <OrganisationsPage />
          </RequireSession>
        ),
      },
      {
        path: '/admin/organisations/:id',
        element: (
          <RequireSession>
            <OrganisationPage />
          </RequireSession>
        ),
      },
      {
        path: '/admin/audit',
        element: (
          <RequireSession>
            <AuditTrailPage />
          </RequireSession>
        ),
      },
      {
        path: '/sign-in',
        element: (
          <RequireSignedOut>
            <SignInPage />
          </RequireSignedOut>
        ),
      },
      { path: '/forgotten-password', element: <ForgottenPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/set-password', element: <SetPasswordPage /> },
      { path: '/apply', element: <ApplyPage /> },
      { path: '/accessibility', element: <AccessibilityPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
