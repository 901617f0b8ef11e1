// «Пригласить пользователя»: e-mail, ФИО and roles with scopes → POST /api/invitations (an e-mail with a link).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../app/route-meta';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import type { GrantScopeType } from '../common/roles';
import { type GrantRow, GrantsFields } from './GrantsFields';
import { toGrantInput, usersApi } from './users.api';

type Values = { email: string; name: string; grants: GrantRow[] };

export function InviteUserDialog({
  open,
  onClose,
  roles,
  scopes,
}: {
  open: boolean;
  onClose: () => void;
  roles?: Role[];
  scopes?: GrantScopeType[];
}) {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const invite = useMutation({
    mutationFn: (v: Values) =>
      usersApi.invite({
        email: v.email.trim(),
        name: v.name.trim(),
        grants: v.grants.map((g) => toGrantInput(g as Required<GrantRow>)),
      }),
    onSuccess: (_, v) => {
      notifySuccess(t('invite.sent', { email: v.email.trim() }));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      form.resetFields();
      onClose();
    },
  });
  const firstRole: Role = roles?.includes('teacher') || !roles ? 'teacher' : roles[0];
  const firstScope: GrantScopeType = scopes && !scopes.includes('global') ? scopes[0] : 'global';

  return (
    <Modal
      open={open}
      title={t('invite.title')}
      okText={t('invite.submit')}
      cancelText={t('common:actions.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        invite.reset();
        onClose();
      }}
      confirmLoading={invite.isPending}
      width={720}
      destroyOnHidden
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('invite.intro')}</Typography.Paragraph>
      <ErrorAlert error={invite.error} />
      <Form<Values>
        form={form}
        name="invite"
        layout="vertical"
        requiredMark={false}
        initialValues={{ grants: [{ role: firstRole, scopeType: firstScope }] }}
        onFinish={(v) => invite.mutate(v)}
      >
        <Form.Item
          name="email"
          label={t('invite.email')}
          rules={[
            { required: true, whitespace: true, message: t('invite.emailRequired') },
            { type: 'email', message: t('invite.emailInvalid') },
          ]}
        >
          <Input type="email" autoComplete="off" autoFocus />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('invite.name')}
          rules={[{ required: true, whitespace: true, message: t('invite.nameRequired') }]}
        >
          <Input placeholder={t('invite.namePlaceholder')} autoComplete="off" />
        </Form.Item>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('grants.title')}
        </Typography.Title>
        <GrantsFields form={form} roles={roles} scopes={scopes} required />
      </Form>
    </Modal>
  );
}
