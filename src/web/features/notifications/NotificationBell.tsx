// The bell in the header: the unread count (asked every minute), and on click the newest notices —
// unread in bold, dates relative («5 минут назад»); a click marks the notice read and opens its link.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Popover, Spin, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../components/format';
import { notifyError } from '../../components/notify';
import {
  type Notice,
  useLatestNotifications,
  useMarkAllRead,
  useMarkRead,
  useUnreadCount,
} from './notifications.api';

dayjs.extend(relativeTime);

export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const latest = useLatestNotifications(open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const count = unread.data?.count ?? 0;

  const openNotice = async (n: Notice) => {
    try {
      if (!n.read) await markRead.mutateAsync(n.id);
    } catch (e) {
      notifyError(e);
    }
    setOpen(false);
    navigate(n.link ?? '/notifications');
  };

  const items = latest.data?.items ?? [];
  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 80px))' }}>
      {latest.isLoading ? (
        <Flex justify="center" style={{ padding: 16 }}>
          <Spin />
        </Flex>
      ) : latest.isError ? (
        <Typography.Text type="danger">{t('bell.loadError')}</Typography.Text>
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{t('bell.empty')}</Typography.Text>
      ) : (
        <ul aria-labelledby={headingId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((n) => (
            <li key={n.id} style={{ borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
              <button
                type="button"
                className="rost-notice-item"
                onClick={() => void openNotice(n)}
                style={{
                  display: 'block',
                  width: '100%',
                  textAlign: 'left',
                  padding: '8px 4px',
                  border: 'none',
                  background: 'transparent',
                  cursor: 'pointer',
                  font: 'inherit',
                  color: 'inherit',
                }}
              >
                <Flex gap={8} align="baseline">
                  {n.read ? null : <Badge status="processing" />}
                  <Typography.Text strong={!n.read} style={{ flex: 1, minWidth: 0 }}>
                    {n.title}
                  </Typography.Text>
                  {n.read ? null : <span className="rost-visually-hidden">({t('bell.unread')})</span>}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
                  <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
                    {dayjs(n.createdAt).fromNow()}
                  </time>
                </Typography.Text>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 8 }}>
        <Link to="/notifications" onClick={() => setOpen(false)}>
          {t('bell.all')}
        </Link>
        <Button
          size="small"
          type="link"
          style={{ paddingInline: 0 }}
          disabled={count === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate(undefined, { onError: notifyError })}
        >
          {t('bell.readAll')}
        </Button>
      </Flex>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={<span id={headingId}>{t('bell.title')}</span>}
      content={content}
    >
      <Button
        type="text"
        aria-label={t('bell.label', { count })}
        aria-expanded={open}
        icon={
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
