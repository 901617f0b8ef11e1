// The signed-in layout: header (logo, academic year, language, notification bell, user menu), navigation by
// section, content.
// Wide screens get a collapsible side menu; narrow ones a menu button that opens the same navigation in a drawer.
import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Menu, type MenuProps, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { NotificationBell } from '../features/notifications/NotificationBell';
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
  const wide = screens.lg !== false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();

  useEffect(() => {
    if (location.pathname) setDrawerOpen(false);
  }, [location.pathname]);

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
  const menu = (
    <nav aria-label={t('nav.menu')}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        style={{ borderInlineEnd: 'none', paddingTop: 8 }}
      />
    </nav>
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
          gap: wide ? 16 : 8,
          paddingInline: wide ? 16 : 8,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {wide ? null : (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.menu')}
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to="/" className="rost-logo" aria-label={t('app.name')}>
          <span aria-hidden style={{ color: token.colorPrimary }}>
            ▲
          </span>{' '}
          {t('app.name')}
        </Link>
        <Flex align="center" gap={wide ? 12 : 6} style={{ marginLeft: 'auto', minWidth: 0 }}>
          <AcademicYearSwitcher compact={!screens.sm} />
          <LanguageSwitch />
          <NotificationBell />
          <UserMenu compact={!screens.sm} />
        </Flex>
      </Layout.Header>
      <Layout>
        {wide ? (
          <Layout.Sider
            width={248}
            collapsedWidth={64}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            theme="light"
            style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
          >
            {menu}
          </Layout.Sider>
        ) : (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={t('app.name')}
            size={280}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        )}
        <Layout.Content
          id="main"
          tabIndex={-1}
          style={{ padding: wide ? 24 : 16, minWidth: 0, outline: 'none' }}
        >
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
