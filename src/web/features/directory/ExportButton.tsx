// «Экспорт в Excel»: a plain download link, so the browser streams the file with the current filters.
import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../../api/client';

export function ExportButton({ path, query }: { path: string; query: Query }) {
  const { t } = useTranslation('directory');
  return (
    <Button icon={<DownloadOutlined aria-hidden />} href={api.url(path, query)} download>
      {t('common.exportXlsx')}
    </Button>
  );
}
