import { Navigate } from 'react-router';
import { useUser } from '../../api/use-session';
import { AdminHome } from './admin-home';
import { ExpertHome } from './expert-home';

// Each role's first screen (the coordinator's, today's queues, is chosen in app/role-home.tsx).
export function HomePage() {
  const user = useUser();
  if (!user) return null;
  if (user.role === 'expert') return <ExpertHome name={user.name} />;
  if (user.role === 'admin') return <AdminHome name={user.name} />;
  // An orderer's first screen is their orders.
  return <Navigate to="/orders" replace />;
}
