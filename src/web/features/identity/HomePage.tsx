// The home page after sign-in: greeting, the academic year, the user's roles and the dashboard of cards chosen by
// role (features/home) — open calls, my schedule and applications, applications awaiting review, my events.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAcademicYear } from '../../app/useAcademicYear';
import { useMe } from '../../app/useMe';
import { PageHeader } from '../../components/PageHeader';
import { roleLabel } from '../common/roles';
import { Dashboard } from '../home/Dashboard';

/** «Иванова Мария Петровна» → «Мария Петровна»; shorter names stay as they are. */
function addressName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts.length === 3 ? `${parts[1]} ${parts[2]}` : fullName;
}

export function HomePage() {
  const { t } = useTranslation('identity');
  const { me, roles } = useMe();
  const { year, current } = useAcademicYear();

  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: addressName(me?.name ?? '') })}
        subtitle={
          year === current
            ? t('home.yearCurrent', { year: current })
            : t('home.yearSelected', { year, current })
        }
      />
      {roles.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t('home.rolesLine', { roles: roles.map(roleLabel).join(', ') })}
        </Typography.Paragraph>
      )}
      <Dashboard />
    </>
  );
}
