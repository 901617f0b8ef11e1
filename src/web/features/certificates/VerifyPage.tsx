// `/verify/:code` — the public page a certificate's QR code opens (no sign-in): valid in green, revoked in red.
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Card, Descriptions, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { usePublicCertificate } from './certificates.api';

export function VerifyPage() {
  const { t } = useTranslation('certificates');
  const { code } = useParams();
  const cert = usePublicCertificate(code);
  if (cert.isLoading) return <Spin aria-label={t('verify.title')} />;
  if (cert.error instanceof ApiError && (cert.error.status === 404 || cert.error.status === 400)) {
    return <Result status="warning" title={t('verify.title')} subTitle={t('verify.notFound')} />;
  }
  if (cert.error || !cert.data) return <ErrorAlert error={cert.error} onRetry={() => void cert.refetch()} />;
  const c = cert.data;
  const valid = c.status === 'valid';
  return (
    <Card style={{ maxWidth: 720, width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('verify.title')}
      </Typography.Title>
      <Alert
        type={valid ? 'success' : 'error'}
        showIcon
        icon={valid ? <CheckCircleFilled /> : <CloseCircleFilled />}
        title={<strong>{valid ? t('verify.valid') : t('verify.revoked')}</strong>}
        description={
          !valid && c.revokedAt ? t('verify.revokedAt', { date: formatDate(c.revokedAt) }) : undefined
        }
        style={{ marginBottom: 16 }}
      />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('verify.number')}>{c.number}</Descriptions.Item>
        <Descriptions.Item label={t('verify.holder')}>{c.holderName}</Descriptions.Item>
        <Descriptions.Item label={t('verify.event')}>{c.eventTitle}</Descriptions.Item>
        <Descriptions.Item label={t('verify.dates')}>{c.eventDates}</Descriptions.Item>
        <Descriptions.Item label={t('verify.role')}>{t(`role.${c.role}`)}</Descriptions.Item>
        {c.formTitle && <Descriptions.Item label={t('verify.form')}>{c.formTitle}</Descriptions.Item>}
        {c.topic && <Descriptions.Item label={t('verify.topic')}>{c.topic}</Descriptions.Item>}
        <Descriptions.Item label={t('verify.issuedAt')}>{formatDate(c.issuedAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
