// Before/after values of an audit entry as a readable table: changed fields only for updates.
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';

type Row = { field: string; before: unknown; after: unknown };

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** One value for people: dates as dd.MM.yyyy, booleans as Да/Нет, lists joined, objects as compact JSON. */
function show(value: unknown, t: (k: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common:common.yes') : t('common:common.no');
  if (typeof value === 'string') {
    const d = ISO_DATE.exec(value);
    if (d) return `${d[3]}.${d[2]}.${d[1]}`;
    if (ISO_DATETIME.test(value)) return formatDateTime(value);
    return value;
  }
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    return value.length ? value.map((v) => show(v, t)).join(', ') : '—';
  }
  if (typeof value === 'object') return JSON.stringify(value, null, 1);
  return String(value);
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** The rows to show: for an update only fields whose value changed; for create/delete every field. */
export function diffRows(before: unknown, after: unknown): Row[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) return [];
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  const rows = keys.map((field) => ({ field, before: b?.[field], after: a?.[field] }));
  if (b && a) return rows.filter((r) => JSON.stringify(r.before) !== JSON.stringify(r.after));
  return rows;
}

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation('admin');
  const rows = diffRows(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  const cell = (v: unknown, changed: boolean, tone: 'before' | 'after') => (
    <Typography.Text
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
      delete={changed && tone === 'before'}
      type={changed && tone === 'before' ? 'secondary' : undefined}
      strong={changed && tone === 'after'}
    >
      {show(v, t)}
    </Typography.Text>
  );
  const changed = hasBefore && hasAfter;
  return (
    <Table<Row>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          key: 'field',
          title: t('audit.field'),
          dataIndex: 'field',
          width: 220,
          render: (f: string) => <code>{f}</code>,
        },
        ...(hasBefore
          ? [
              {
                key: 'before',
                title: t('audit.before'),
                render: (_: unknown, r: Row) => cell(r.before, changed, 'before'),
              },
            ]
          : []),
        ...(hasAfter
          ? [
              {
                key: 'after',
                title: t('audit.after'),
                render: (_: unknown, r: Row) => cell(r.after, changed, 'after'),
              },
            ]
          : []),
      ]}
    />
  );
}
