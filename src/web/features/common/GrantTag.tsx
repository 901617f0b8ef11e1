// One role grant as a tag: «Методист — Муниципалитет: Заречный»; the scope name is fetched when not given.
import { Tag } from 'antd';
import { grantLabel } from './roles';
import { useScopeName } from './useScopeName';

export type GrantTagProps = {
  role: string;
  scopeType: string;
  scopeId: string | null;
  scopeName?: string | null;
};

export function GrantTag({ role, scopeType, scopeId, scopeName }: GrantTagProps) {
  const fetched = useScopeName(scopeType, scopeName ? null : scopeId);
  return (
    <Tag color={role === 'admin' ? 'red' : 'blue'} style={{ marginBottom: 4, whiteSpace: 'normal' }}>
      {grantLabel({ role, scopeType, scopeId, scopeName: scopeName ?? fetched ?? null })}
    </Tag>
  );
}
