// The signed-in user's menu in the header: profile and sign-out.
import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { notifyError } from '../components/notify';
import { useMe } from './useMe';

/** `compact` shows only the icon, for narrow screens (the name stays in the accessible label). */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function signOut() {
    try {
      await api.post('/auth/sign-out');
    } catch (e) {
      notifyError(e);
      return;
    }
    queryClient.clear();
    navigate('/sign-in', { replace: true });
  }

  if (!me) return null;
  return (
    <Dropdown
      trigger={['click']}
      autoFocus
      menu={{
        items: [
          { key: 'profile', icon: <UserOutlined />, label: t('header.profile') },
          { type: 'divider' },
          { key: 'sign-out', icon: <LogoutOutlined />, label: t('header.signOut') },
        ],
        onClick: ({ key }) => {
          if (key === 'profile') navigate('/profile');
          if (key === 'sign-out') void signOut();
        },
      }}
    >
      <Button type="text" aria-label={`${t('header.userMenu')}: ${me.name}`} icon={<UserOutlined />}>
        {compact ? null : (
          <>
            <span>{me.name}</span> <DownOutlined style={{ fontSize: 10 }} />
          </>
        )}
      </Button>
    </Dropdown>
  );
}
