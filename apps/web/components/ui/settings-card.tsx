import type { ReactNode } from 'react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from './card';

/** A settings section: a card with a title, a line on what it does, and its controls. */
export function SettingsCard({
  title,
  description,
  className,
  contentClassName,
  children,
}: {
  title: ReactNode;
  description: ReactNode;
  className?: string;
  /** Spacing of the body, e.g. "space-y-4". */
  contentClassName?: string;
  children: ReactNode;
}) {
  return (
    <Card className={className}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className={contentClassName}>{children}</CardContent>
    </Card>
  );
}
