import { Navigate, Route, Routes } from 'react-router-dom';
import { CurrenciesPage } from '@/features/currencies/pages/currencies-page';
import { OverviewPage } from '@/features/overview/pages/overview-page';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './not-found-page';
import { paths } from './paths';

/** The app composes the features; features never import each other. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<OverviewPage />} />
        <Route path="reference" element={<Navigate to={paths.currencies} replace />} />
        <Route path={paths.currencies} element={<CurrenciesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
