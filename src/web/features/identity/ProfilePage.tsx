// The signed-in user's own profile: name, e-mail, roles in words, the linked directory card, password change.
import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../app/useMe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { GrantTag } from '../common/GrantTag';

export function ProfilePage() {
  const { t } = useTranslation('identity');
  const { me, isLoading } = useMe();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (isLoading || !me) return <PageLoading />;

  async function requestPasswordLink() {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/request-password-reset', { email: me!.email, redirectTo: '/reset-password' });
      setSent(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('profile.title')} />
      <Card style={{ maxWidth: 760 }}>
        <Descriptions
          column={1}
          bordered
          size="middle"
          styles={{ label: { width: 220 } }}
          items={[
            { key: 'name', label: t('profile.name'), children: me.name },
            { key: 'email', label: t('profile.email'), children: me.email },
            {
              key: 'roles',
              label: t('profile.roles'),
              children: me.roles.length ? (
                me.roles.map((g) => <GrantTag key={`${g.role}-${g.scopeType}-${g.scopeId}`} {...g} />)
              ) : (
                <Typography.Text type="secondary">{t('profile.noRoles')}</Typography.Text>
              ),
            },
            {
              key: 'person',
              label: t('profile.personCard'),
              children: me.personId ? (
                <Link to={`/people/${me.personId}`}>{t('profile.openPersonCard')}</Link>
              ) : (
                <Typography.Text type="secondary">{t('profile.noPersonCard')}</Typography.Text>
              ),
            },
          ]}
        />
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
          {t('profile.changePassword')}
        </Typography.Title>
        <ErrorAlert error={error} />
        {sent ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('forgot.sent')}
            description={t('forgot.sentHint')}
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('profile.changePasswordHint')}</Typography.Paragraph>
            <Button onClick={requestPasswordLink} loading={busy}>
              {t('profile.sendLink')}
            </Button>
          </>
        )}
      </Card>
    </>
  );
}
