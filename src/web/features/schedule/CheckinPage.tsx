// /checkin/:id?k=… — the page the door QR code opens: a registered participant confirms presence.
import { Alert, Button, Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useCheckin } from './schedule.api';

export function CheckinPage() {
  const { t } = useTranslation('schedule');
  const { id = '' } = useParams();
  const [sp] = useSearchParams();
  const k = sp.get('k') ?? '';
  const checkin = useCheckin(id);
  return (
    <div style={{ maxWidth: 520, width: '100%', minWidth: 0, margin: '0 auto' }}>
      <PageHeader title={t('checkin.title')} />
      <Card>
        {!k ? (
          <Alert type="warning" showIcon title={t('checkin.badLink')} />
        ) : checkin.data ? (
          <Result
            status="success"
            title={t(checkin.data.alreadyMarked ? 'checkin.already' : 'checkin.ok', {
              title: checkin.data.title,
            })}
          />
        ) : (
          <>
            <ErrorAlert error={checkin.error} />
            <Button
              type="primary"
              size="large"
              block
              loading={checkin.isPending}
              onClick={() => checkin.mutate(k)}
            >
              {t('checkin.button')}
            </Button>
          </>
        )}
      </Card>
    </div>
  );
}
