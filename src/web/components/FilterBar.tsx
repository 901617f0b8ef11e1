// A row of labelled list filters with a «Сбросить фильтры» button; wraps on narrow screens.
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One labelled filter; `htmlFor` must equal the control's `id` so the label names the control. */
export function FilterField({
  label,
  htmlFor,
  children,
}: {
  label: string;
  htmlFor: string;
  children: ReactNode;
}) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        <label htmlFor={htmlFor}>{label}</label>
      </Typography.Text>
      {children}
    </Flex>
  );
}

/** Filters above a table; `onReset` shows the reset button when `canReset`. */
export function FilterBar({
  children,
  onReset,
  canReset,
}: {
  children: ReactNode;
  onReset?: () => void;
  canReset?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={12} align="flex-end" style={{ marginBottom: 16 }} role="search">
      {children}
      {onReset && canReset ? <Button onClick={onReset}>{t('actions.reset')}</Button> : null}
    </Flex>
  );
}
