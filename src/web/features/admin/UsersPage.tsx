// Users and roles: server-paginated list with search and role filter, invitations, role editor, disable/enable.
import { UserAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../app/route-meta';
import { useMe } from '../../app/useMe';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterBar, FilterField } from '../../components/FilterBar';
import { formatDate } from '../../components/format';
import { confirmAction, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useListParams } from '../../components/useListParams';
import { GrantTag } from '../common/GrantTag';
import { type GrantScopeType, METHODOLOGIST_GRANTABLE_ROLES, ROLES, roleLabel } from '../common/roles';
import { InviteUserDialog } from './InviteUserDialog';
import { UserRolesDialog } from './UserRolesDialog';
import { type User, usersApi } from './users.api';

const METHODOLOGIST_SCOPES: GrantScopeType[] = ['organization', 'municipality'];

export function UsersPage() {
  const { t } = useTranslation('admin');
  const { isAdmin } = useMe();
  const list = useListParams({ pageSize: 20, sort: 'name', order: 'asc' });
  const queryClient = useQueryClient();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);

  const users = useQuery({
    queryKey: ['users', list.query],
    queryFn: () => usersApi.list(list.query),
    placeholderData: keepPreviousData,
  });

  function toggleDisabled(u: User) {
    const disabling = !u.disabled;
    void confirmAction({
      title: t(disabling ? 'users.disableTitle' : 'users.enableTitle', { name: u.name }),
      content: t(disabling ? 'users.disableContent' : 'users.enableContent'),
      okText: t(disabling ? 'users.disable' : 'users.enable'),
      danger: disabling,
      onConfirm: async () => {
        await usersApi.setDisabled(u.id, disabling);
        notifySuccess(t(disabling ? 'users.disabledDone' : 'users.enabledDone'));
        await queryClient.invalidateQueries({ queryKey: ['users'] });
      },
    });
  }

  const columns: TableColumnsType<User> = [
    {
      key: 'name',
      title: t('users.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: list.sortOrder('name'),
      render: (name: string, u) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          {u.invitationPending ? <Tag color="gold">{t('users.invitationPending')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'email',
      title: t('users.email'),
      dataIndex: 'email',
      sorter: true,
      sortOrder: list.sortOrder('email'),
    },
    {
      key: 'roles',
      title: t('users.roles'),
      render: (_, u) =>
        u.roles.length ? (
          u.roles.map((g) => <GrantTag key={g.id} {...g} />)
        ) : (
          <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>
        ),
    },
    {
      key: 'status',
      title: t('users.status'),
      render: (_, u) =>
        u.disabled ? (
          <Tag color="red">{t('users.disabled')}</Tag>
        ) : (
          <Tag color="green">{t('users.active')}</Tag>
        ),
    },
    {
      key: 'createdAt',
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: list.sortOrder('createdAt'),
      render: (v: string) => formatDate(v),
    },
    ...(isAdmin
      ? [
          {
            key: 'actions',
            title: t('users.actions'),
            render: (_: unknown, u: User) => (
              <Space wrap>
                <Button
                  size="small"
                  onClick={() => setEditing(u)}
                  aria-label={t('users.editRolesOf', { name: u.name })}
                >
                  {t('users.editRoles')}
                </Button>
                <Button
                  size="small"
                  danger={!u.disabled}
                  onClick={() => toggleDisabled(u)}
                  aria-label={`${t(u.disabled ? 'users.enable' : 'users.disable')}: ${u.name}`}
                >
                  {t(u.disabled ? 'users.enable' : 'users.disable')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const inviteRoles: Role[] = isAdmin ? ROLES : METHODOLOGIST_GRANTABLE_ROLES;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)}>
            {t('users.invite')}
          </Button>
        }
      />
      {!isAdmin ? (
        <Alert type="info" showIcon title={t('users.readOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      <FilterBar onReset={list.reset} canReset={list.hasFilters}>
        <FilterField label={t('users.search')} htmlFor="users-q">
          <SearchInput
            id="users-q"
            value={list.get('q')}
            onSearch={(v) => list.set('q', v)}
            placeholder={t('users.searchPlaceholder')}
          />
        </FilterField>
        <FilterField label={t('users.roleFilter')} htmlFor="users-role">
          <Select<Role>
            id="users-role"
            allowClear
            placeholder={t('users.anyRole')}
            style={{ width: 240 }}
            value={list.get('role') as Role | undefined}
            onChange={(v) => list.set('role', v)}
            options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
          />
        </FilterField>
      </FilterBar>
      <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        scroll={{ x: 900 }}
        locale={{
          emptyText: (
            <EmptyState
              text={list.hasFilters ? t('users.emptyFiltered') : t('users.empty')}
              action={
                list.hasFilters ? <Button onClick={list.reset}>{t('filters.reset')}</Button> : undefined
              }
            />
          ),
        }}
        {...list.table(users.data?.total)}
      />
      <InviteUserDialog
        open={inviting}
        onClose={() => setInviting(false)}
        roles={inviteRoles}
        scopes={isAdmin ? undefined : METHODOLOGIST_SCOPES}
      />
      <UserRolesDialog user={editing} onClose={() => setEditing(null)} />
    </>
  );
}
