// /notifications — the user's notifications: newest first, unread marked, open the link, mark read.
import { Badge, Button, Checkbox, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { type Notice, useAction, useNotifications } from './events.api';

export function NotificationsPage() {
  const { t } = useTranslation('events');
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotifications({ unreadOnly: unreadOnly || undefined, page, pageSize: 20 });
  const read = useAction((id: string) => api.post(`/notifications/${id}/read`), ['notifications']);
  const readAll = useAction(() => api.post('/notifications/read-all'), ['notifications']);
  const open = async (n: Notice) => {
    if (!n.read) await read.mutateAsync(n.id);
    if (n.link) navigate(n.link);
  };
  return (
    <>
      <PageHeader
        title={t('notices.title')}
        subtitle={list.data?.unreadCount ? <Badge count={list.data.unreadCount} /> : undefined}
        extra={
          <Button onClick={() => readAll.mutate(undefined)} disabled={!list.data?.unreadCount}>
            {t('notices.readAll')}
          </Button>
        }
      />
      <Flex style={{ marginBottom: 12 }}>
        <Checkbox
          checked={unreadOnly}
          onChange={(e) => {
            setUnreadOnly(e.target.checked);
            setPage(1);
          }}
        >
          {t('notices.onlyUnread')}
        </Checkbox>
      </Flex>
      <ErrorAlert error={list.error} />
      <List<Notice>
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('notices.empty') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        renderItem={(n) => (
          <List.Item
            actions={[
              n.link ? (
                <Button key="open" type="link" onClick={() => void open(n)}>
                  {t('notices.open')}
                </Button>
              ) : null,
              !n.read ? (
                <Button key="read" type="link" onClick={() => read.mutate(n.id)}>
                  {t('notices.markRead')}
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Typography.Text strong={!n.read}>
                  {!n.read ? <Badge status="processing" style={{ marginRight: 8 }} /> : null}
                  {n.title}
                </Typography.Text>
              }
              description={
                <>
                  <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                  {n.body ? <div>{n.body}</div> : null}
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
