// Editable list of role grants inside an antd Form: role, scope kind, and the region/municipality/organisation.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, type FormInstance, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../app/route-meta';
import { MunicipalitySelect, OrganizationSelect, RegionSelect } from '../common/PlaceSelects';
import { type GrantScopeType, ROLE_SCOPES, ROLES, roleLabel, scopeTypeLabel } from '../common/roles';

export type GrantRow = { role?: Role; scopeType?: GrantScopeType; scopeId?: string | null };

type Props = {
  form: FormInstance;
  /** the Form.List name */
  name?: string;
  /** roles the current user may give */
  roles?: Role[];
  /** scope kinds the current user may give (a methodologist: within their municipality or organisation) */
  scopes?: GrantScopeType[];
  /** at least one grant required (invitations) */
  required?: boolean;
};

const ALL_SCOPES: GrantScopeType[] = ['global', 'region', 'municipality', 'organization'];

function ScopePicker({
  scopeType,
  id,
  ...rest
}: {
  scopeType?: GrantScopeType;
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { t } = useTranslation('admin');
  const props = { id, placeholder: t('grants.scopePlaceholder'), style: { width: '100%' }, ...rest };
  if (scopeType === 'region') return <RegionSelect {...props} />;
  if (scopeType === 'municipality') return <MunicipalitySelect {...props} />;
  if (scopeType === 'organization') return <OrganizationSelect {...props} />;
  return null;
}

/** The rows of grants with «Добавить роль»; the scope picker follows the chosen scope kind. */
export function GrantsFields({ form, name = 'grants', roles = ROLES, scopes = ALL_SCOPES, required }: Props) {
  const { t } = useTranslation('admin');
  const kindsOf = (role: Role | undefined) =>
    role ? ROLE_SCOPES[role].filter((k) => scopes.includes(k)) : [];
  const rowOf = (values: any, index: number): GrantRow | undefined => values?.[name]?.[index];
  const defaultRole: Role = roles.includes('teacher') ? 'teacher' : roles[0];
  return (
    <Form.List
      name={name}
      rules={
        required
          ? [
              {
                validator: async (_, value: unknown[] | undefined) => {
                  if (!value || value.length === 0) throw new Error(t('grants.atLeastOne'));
                },
              },
            ]
          : undefined
      }
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={12}>
          {fields.length === 0 && !required ? (
            <Typography.Text type="secondary">{t('grants.none')}</Typography.Text>
          ) : null}
          {fields.map((field, index) => (
            <Card key={field.key} size="small" styles={{ body: { paddingBottom: 0 } }}>
              <Flex gap={12} align="flex-start">
                <Flex gap={12} wrap align="flex-start" style={{ flex: 1, minWidth: 0 }}>
                  <Form.Item
                    name={[field.name, 'role']}
                    label={t('grants.role')}
                    rules={[{ required: true, message: t('grants.roleRequired') }]}
                    style={{ flex: '1 1 180px' }}
                  >
                    <Select<Role>
                      options={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
                      onChange={(role) => {
                        const current = form.getFieldValue([name, field.name, 'scopeType']);
                        if (!kindsOf(role).includes(current)) {
                          form.setFieldValue([name, field.name, 'scopeType'], kindsOf(role)[0]);
                          form.setFieldValue([name, field.name, 'scopeId'], undefined);
                        }
                      }}
                    />
                  </Form.Item>
                  <Form.Item
                    noStyle
                    shouldUpdate={(a, b) => rowOf(a, field.name)?.role !== rowOf(b, field.name)?.role}
                  >
                    {() => {
                      const role: Role | undefined = form.getFieldValue([name, field.name, 'role']);
                      const kinds = kindsOf(role);
                      return (
                        <Form.Item
                          name={[field.name, 'scopeType']}
                          label={t('grants.scopeType')}
                          style={{ flex: '1 1 150px' }}
                        >
                          <Select<GrantScopeType>
                            disabled={kinds.length <= 1}
                            options={kinds.map((k) => ({ value: k, label: scopeTypeLabel(k) }))}
                            onChange={() => form.setFieldValue([name, field.name, 'scopeId'], undefined)}
                          />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                  <Form.Item
                    noStyle
                    shouldUpdate={(a, b) =>
                      rowOf(a, field.name)?.scopeType !== rowOf(b, field.name)?.scopeType
                    }
                  >
                    {() => {
                      const scopeType: GrantScopeType | undefined = form.getFieldValue([
                        name,
                        field.name,
                        'scopeType',
                      ]);
                      if (!scopeType || scopeType === 'global') return null;
                      return (
                        <Form.Item
                          name={[field.name, 'scopeId']}
                          label={t('grants.scope')}
                          rules={[{ required: true, message: t('grants.scopeRequired') }]}
                          style={{ flex: '2 1 220px', minWidth: 0 }}
                        >
                          <ScopePicker scopeType={scopeType} />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Flex>
                <div style={{ paddingTop: 30, marginBottom: 24 }}>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={`${t('grants.remove')} ${index + 1}`}
                    title={t('grants.remove')}
                    onClick={() => remove(field.name)}
                  />
                </div>
              </Flex>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ role: defaultRole, scopeType: kindsOf(defaultRole)[0] })}
          >
            {t('grants.add')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
