// The dashboard: greeting, the academic year, and quick links to the sections the user's roles open.
import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { navFor } from '../../app/nav';
import { NAV_ICONS } from '../../app/navIcons';
import { useAcademicYear } from '../../app/useAcademicYear';
import { useMe } from '../../app/useMe';
import { PageHeader } from '../../components/PageHeader';
import { roleLabel } from '../common/roles';

/** «Иванова Мария Петровна» → «Мария Петровна»; shorter names stay as they are. */
function addressName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts.length === 3 ? `${parts[1]} ${parts[2]}` : fullName;
}

export function HomePage() {
  const { t } = useTranslation('identity');
  const { t: tc } = useTranslation();
  const { me, roles } = useMe();
  const { year, current } = useAcademicYear();
  const groups = navFor(roles).filter((g) => g.section !== 'main' && g.section !== 'account');

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
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('home.quickLinks')}
      </Typography.Title>
      {groups.length === 0 ? (
        <Typography.Paragraph>{t('home.noLinks')}</Typography.Paragraph>
      ) : (
        <Row gutter={[16, 16]}>
          {groups.map((g) => (
            <Col key={g.section} xs={24} md={12} xl={8}>
              <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{tc(`nav.sections.${g.section}`)}</h3>}>
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {g.items.map((i) => (
                    <li key={i.path} style={{ padding: '6px 0' }}>
                      <Link to={i.path}>
                        {i.icon ? NAV_ICONS[i.icon] : null} {tc(i.labelKey)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
