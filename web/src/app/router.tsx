import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireSession, RequireSignedOut } from './guards';
import { NotFoundPage } from './not-found-page';
import { Shell } from './shell';

// One chunk per page: a person downloads only the screens they open.
const SignInPage = lazy(() => import('../features/auth/sign-in-page').then((m) => ({ default: m.SignInPage })));
const ForgottenPasswordPage = lazy(() => import('../features/auth/forgotten-password-page').then((m) => ({ default: m.ForgottenPasswordPage })));
const ResetPasswordPage = lazy(() => import('../features/auth/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })));
const SetPasswordPage = lazy(() => import('../features/auth/set-password-page').then((m) => ({ default: m.SetPasswordPage })));
const ApplyPage = lazy(() => import('../features/apply/apply-page').then((m) => ({ default: m.ApplyPage })));
const AccessibilityPage = lazy(() => import('../features/accessibility/accessibility-page').then((m) => ({ default: m.AccessibilityPage })));
const HomePage = lazy(() => import('../features/home/home-page').then((m) => ({ default: m.HomePage })));

// Paths are the web app's own; the API lives under /api and the server gives every other path this app.
export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { path: '/', element: <RequireSession><HomePage /></RequireSession> },
      { path: '/sign-in', element: <RequireSignedOut><SignInPage /></RequireSignedOut> },
      { path: '/forgotten-password', element: <ForgottenPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/set-password', element: <SetPasswordPage /> },
      { path: '/apply', element: <ApplyPage /> },
      { path: '/accessibility', element: <AccessibilityPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
