// The title row of a page: an <h1> and optional actions on the right.
import { Flex, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';

export type PageHeaderProps = {
  /** page title, rendered as the only <h1> of the page and used as the document title */
  title: ReactNode;
  /** a line under the title */
  subtitle?: ReactNode;
  /** buttons and other actions shown on the right */
  extra?: ReactNode;
  /** something above the title, e.g. a «← Назад» link */
  back?: ReactNode;
};

/** Page title with actions. Sets `document.title` to «<title> — Рост» when the title is a string. */
export function PageHeader({ title, subtitle, extra, back }: PageHeaderProps) {
  useEffect(() => {
    if (typeof title === 'string') document.title = `${title} — Рост`;
  }, [title]);
  return (
    <div style={{ marginBottom: 16 }}>
      {back}
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {title}
        </Typography.Title>
        {extra ? (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {subtitle ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {subtitle}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
