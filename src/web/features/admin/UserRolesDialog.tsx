// Role editor of one user: replaces all the user's grants with PUT /api/users/:id/roles.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import type { GrantScopeType } from '../common/roles';
import { type GrantRow, GrantsFields } from './GrantsFields';
import { toGrantInput, type User, usersApi } from './users.api';

type Values = { grants: GrantRow[] };

export function UserRolesDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) =>
      usersApi.putRoles(
        user!.id,
        (v.grants ?? []).map((g) => toGrantInput(g as Required<GrantRow>)),
      ),
    onSuccess: () => {
      notifySuccess(t('grants.saved'));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      onClose();
    },
  });

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.editRolesOf', { name: user.name }) : ''}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      confirmLoading={save.isPending}
      width={760}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      {user ? (
        <Form<Values>
          form={form}
          name="roles"
          layout="vertical"
          initialValues={{
            grants: user.roles.map((g) => ({
              role: g.role,
              scopeType: g.scopeType as GrantScopeType,
              scopeId: g.scopeId,
            })),
          }}
          onFinish={(v) => save.mutate(v)}
        >
          <GrantsFields form={form} />
        </Form>
      ) : null}
    </Modal>
  );
}
