// The frame of pages open without signing in (sign-in, password reset, invitation): logo, language, centred content.
import { Flex, Layout, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';

export function PublicLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: '100vh', background: token.colorBgLayout }}>
      <Flex component="header" justify="space-between" align="center" style={{ padding: '12px 24px' }}>
        <Link to="/" className="rost-logo">
          <span aria-hidden style={{ color: token.colorPrimary }}>
            ▲
          </span>{' '}
          {t('app.name')}
        </Link>
        <LanguageSwitch />
      </Flex>
      <Flex component="main" id="main" justify="center" align="flex-start" style={{ padding: '32px 16px' }}>
        <Outlet />
      </Flex>
    </Layout>
  );
}
