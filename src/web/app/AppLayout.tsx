// The signed-in layout: header (logo, academic year, language, user menu), side navigation by section, content.
import { Flex, Grid, Layout, Menu, type MenuProps, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { AcademicYearSwitcher } from './AcademicYearSwitcher';
import { LanguageSwitch } from './LanguageSwitch';
import { navFor } from './nav';
import { NAV_ICONS } from './navIcons';
import { UserMenu } from './UserMenu';
import { useMe } from './useMe';

/** The longest nav path that is a prefix of the current location, so /people/123 highlights «Педагоги». */
function activeKey(pathname: string, paths: string[]): string | undefined {
  let best: string | undefined;
  for (const p of paths) {
    const matches = p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`);
    if (matches && (!best || p.length > best.length)) best = p;
  }
  return best;
}

export function AppLayout() {
  const { t } = useTranslation();
  const { roles } = useMe();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  const groups = navFor(roles);
  const items: MenuProps['items'] = groups.map((g) => ({
    type: 'group' as const,
    key: `section-${g.section}`,
    label: t(`nav.sections.${g.section}`),
    children: g.items.map((i) => ({
      key: i.path,
      icon: i.icon ? NAV_ICONS[i.icon] : undefined,
      label: <Link to={i.path}>{t(i.labelKey)}</Link>,
    })),
  }));
  const selected = activeKey(
    location.pathname,
    groups.flatMap((g) => g.items.map((i) => i.path)),
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="rost-skip-link">
        {t('app.skipToContent')}
      </a>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 16,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Link to="/" className="rost-logo" aria-label={t('app.name')}>
          <span aria-hidden style={{ color: token.colorPrimary }}>
            ▲
          </span>{' '}
          {t('app.name')}
        </Link>
        <Flex align="center" gap={12} style={{ marginLeft: 'auto' }}>
          <AcademicYearSwitcher />
          <LanguageSwitch />
          <UserMenu />
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={248}
          breakpoint="lg"
          collapsedWidth={screens.md ? 64 : 0}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
        >
          <nav aria-label={t('nav.menu')}>
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected ? [selected] : []}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 24, minWidth: 0, outline: 'none' }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
