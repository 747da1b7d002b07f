import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The card every signed-out page sits in: a title, an optional text, the form. */
export function AuthCard({
  title,
  text,
  children,
}: {
  title: string;
  text?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card style={{ width: '100%', maxWidth: 420 }}>
      <title>{title}</title>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {text && <Typography.Paragraph type="secondary">{text}</Typography.Paragraph>}
      {children}
    </Card>
  );
}
