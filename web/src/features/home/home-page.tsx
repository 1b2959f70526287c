import { Navigate } from 'react-router';
import { useSession } from '../../api/use-session';
import { AdminHome } from './admin-home';
import { ExpertHome } from './expert-home';

// Each role's first screen (the coordinator's, today's queues, is chosen in app/role-home.tsx).
export function HomePage() {
  const state = useSession();
  if (state.status !== 'signedIn') return null;
  const { user } = state;
  if (user.role === 'expert') return <ExpertHome name={user.name} />;
  if (user.role === 'admin') return <AdminHome name={user.name} />;
  // An orderer's first screen is their orders.
  return <Navigate to="/orders" replace />;
}
