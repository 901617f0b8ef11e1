// /portfolio — the signed-in person's own portfolio (the same page as /people/<my person>/portfolio, kept under
// «Моё портфолио» in the navigation).
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/useMe';
import { PageLoading } from '../../components/PageLoading';
import { PortfolioPage } from './PortfolioPage';

export function MyPortfolioPage() {
  const { t } = useTranslation('portfolio');
  const me = useMe();
  if (me.isLoading) return <PageLoading />;
  const personId = me.me?.personId;
  if (!personId) return <Alert type="info" showIcon message={t('noPerson')} />;
  return <PortfolioPage personId={personId} />;
}
