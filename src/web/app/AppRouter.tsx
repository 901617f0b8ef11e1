// Routes from src/web/routes/*.tsx: public pages in PublicLayout, the rest signed-in inside AppLayout with role gates.
import { Route, Routes } from 'react-router';
import { StatusPage } from '../components/StatusPage';
import { AppLayout } from './AppLayout';
import { PublicLayout } from './PublicLayout';
import { RequireAuth } from './RequireAuth';
import { RoleGate } from './RoleGate';
import { privatePages, publicPages } from './routes';

export function AppRouter() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        {publicPages.map(({ path, Component }) => (
          <Route key={path} path={path} element={<Component />} />
        ))}
      </Route>
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        {privatePages.map(({ path, roles, Component }) => (
          <Route
            key={path}
            path={path}
            element={
              <RoleGate roles={roles}>
                <Component />
              </RoleGate>
            }
          />
        ))}
        <Route path="*" element={<StatusPage status={404} />} />
      </Route>
    </Routes>
  );
}
