// Earlier imports: when, which file, what kind, dry run or real, and how it ended.
import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { useListParams } from '../../components/useListParams';
import { type ImportJob, useImportJobs } from './imports.api';

type Props = { onOpen: (id: string) => void; currentId?: string };

export function ImportHistory({ onOpen, currentId }: Props) {
  const { t } = useTranslation('imports');
  const list = useListParams({ pageSize: 10 });
  const jobs = useImportJobs({ page: list.page, pageSize: list.pageSize });
  const table = list.table(jobs.data?.total);
  return (
    <>
      <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />
      <Table<ImportJob>
        rowKey="id"
        size="small"
        dataSource={jobs.data?.items ?? []}
        loading={jobs.isFetching}
        onChange={table.onChange}
        pagination={{ ...table.pagination, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t('history.empty') }}
        rowClassName={(j) => (j.id === currentId ? 'ant-table-row-selected' : '')}
        columns={[
          {
            key: 'createdAt',
            title: t('history.when'),
            render: (_, j) => formatDateTime(j.createdAt),
            width: 160,
          },
          { key: 'fileName', dataIndex: 'fileName', title: t('history.file'), ellipsis: true },
          { key: 'kind', title: t('history.kind'), render: (_, j) => t(`kind.${j.kind}`), width: 140 },
          {
            key: 'mode',
            title: t('history.mode'),
            render: (_, j) =>
              j.dryRun ? <Tag>{t('history.dryRun')}</Tag> : <Tag color="blue">{t('history.real')}</Tag>,
            width: 120,
          },
          {
            key: 'status',
            title: t('history.status'),
            render: (_, j) => t(`status.${j.status}`),
            width: 130,
          },
          {
            key: 'result',
            title: t('history.result'),
            render: (_, j) =>
              j.status === 'done'
                ? t(j.dryRun ? 'history.resultLineDryRun' : 'history.resultLine', {
                    created: j.created,
                    updated: j.updated,
                    skipped: j.skipped,
                  })
                : '',
          },
          {
            key: 'open',
            title: <span className="rost-visually-hidden">{t('history.open')}</span>,
            width: 110,
            render: (_, j) => (
              <Button
                size="small"
                onClick={() => onOpen(j.id)}
                aria-label={t('history.openJob', { name: j.fileName })}
              >
                {t('history.open')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
