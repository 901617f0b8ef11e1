// Start an import: what to import, the template, the file, then a dry run or the real import.
import { CheckCircleOutlined, FileExcelOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { Button, Card, Flex, Form, Radio, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type ImportJob, type ImportKind, templateUrl, useStartImport } from './imports.api';

const ACCEPT = '.xlsx,.csv';
const ALLOWED = /\.(xlsx|csv)$/i;

type Props = { onStarted: (job: ImportJob) => void; busy: boolean };

export function ImportForm({ onStarted, busy }: Props) {
  const { t } = useTranslation('imports');
  const [kind, setKind] = useState<ImportKind>('people');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const start = useStartImport();

  const run = (dryRun: boolean) => {
    if (!file) {
      setFileError(t('form.chooseFileFirst'));
      return;
    }
    start.mutate({ kind, dryRun, file }, { onSuccess: onStarted });
  };

  const fileList: UploadFile[] = file
    ? [{ uid: 'chosen', name: file.name, status: 'done', size: file.size, type: file.type }]
    : [];

  return (
    <Card title={t('form.title')}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('form.kind')}>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            optionType="button"
            buttonStyle="solid"
            aria-label={t('form.kind')}
            options={[
              { value: 'people', label: t('kind.people') },
              { value: 'organizations', label: t('kind.organizations') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('form.template')} extra={t(`form.templateHint.${kind}`)}>
          <Flex gap={8} wrap>
            <Button icon={<FileExcelOutlined aria-hidden />} href={templateUrl(kind, 'xlsx')} download>
              {t('form.templateXlsx')}
            </Button>
            <Button href={templateUrl(kind, 'csv')} download>
              {t('form.templateCsv')}
            </Button>
          </Flex>
        </Form.Item>
        <Form.Item
          label={t('form.file')}
          htmlFor="import-file"
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ?? t('form.fileHint')}
        >
          <Upload.Dragger
            id="import-file"
            accept={ACCEPT}
            maxCount={1}
            multiple={false}
            fileList={fileList}
            beforeUpload={(f) => {
              if (!ALLOWED.test(f.name)) {
                setFileError(t('form.wrongType', { name: f.name }));
                setFile(null);
              } else {
                setFileError(null);
                setFile(f);
              }
              return Upload.LIST_IGNORE;
            }}
            onRemove={() => {
              setFile(null);
              return true;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <Typography.Text>{t('form.drop')}</Typography.Text>
          </Upload.Dragger>
        </Form.Item>
        <ErrorAlert error={start.error} />
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button
            icon={<CheckCircleOutlined aria-hidden />}
            onClick={() => run(true)}
            loading={start.isPending && start.variables?.dryRun === true}
            disabled={busy}
          >
            {t('form.dryRun')}
          </Button>
          <Button
            type="primary"
            icon={<UploadOutlined aria-hidden />}
            onClick={() => run(false)}
            loading={start.isPending && start.variables?.dryRun === false}
            disabled={busy}
          >
            {t('form.import')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
