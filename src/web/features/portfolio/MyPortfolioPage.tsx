// /portfolio — the signed-in person's own portfolio (a shortcut to /people/<my person>/portfolio).
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useMe } from '../../app/useMe';
import { PageLoading } from '../../components/PageLoading';

export function MyPortfolioPage() {
  const { t } = useTranslation('portfolio');
  const me = useMe();
  if (me.isLoading) return <PageLoading />;
  const personId = me.me?.personId;
  if (!personId) return <Alert type="info" showIcon message={t('noPerson')} />;
  return <Navigate to={`/people/${personId}/portfolio`} replace />;
}
