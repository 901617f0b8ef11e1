// The card that frames sign-in, password recovery and invitation forms.
import { Card, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} — Рост`;
  }, [title]);
  return (
    <Card style={{ width: '100%', maxWidth: 420 }}>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </Card>
  );
}
