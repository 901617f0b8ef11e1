// A centred spinner for a page or section that is loading.
import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" style={{ minHeight: 200 }} role="status" aria-live="polite">
      <Spin description={t('common.loading')} />
    </Flex>
  );
}
