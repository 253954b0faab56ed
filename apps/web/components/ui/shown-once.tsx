'use client';
import { CheckIcon, CopyIcon } from 'lucide-react';
import { useRef, useState, type ReactNode } from 'react';
import { Alert, AlertTitle } from './alert';
import { Button } from './button';
import { Input } from './input';

/**
 * A secret the server answers once (an API token, a webhook's signing
 * secret): a warning that it will not be shown again, the value in a
 * read-only field that selects itself, and a Copy button.
 */
export function ShownOnce({
  title,
  label,
  value,
  children,
  testId,
  valueTestId,
}: {
  title: ReactNode;
  /** The field's accessible name: "API token". */
  label: string;
  value: string;
  /** What to do with it (under the warning). */
  children?: ReactNode;
  /** The panel's and the field's test ids. */
  testId?: string;
  valueTestId?: string;
}) {
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard permission (e.g. plain HTTP): select it for a manual copy.
      input.current?.select();
    }
  };
  return (
    <Alert variant="warning" role="status" data-testid={testId}>
      <AlertTitle>{title}</AlertTitle>
      <p className="mb-2">
        Copy it now: <strong>you won&apos;t see it again</strong>.
      </p>
      {children ? <div className="mb-2">{children}</div> : null}
      <div className="flex gap-2">
        <Input
          ref={input}
          readOnly
          value={value}
          aria-label={label}
          onFocus={(event) => event.currentTarget.select()}
          className="font-mono text-xs"
          data-testid={valueTestId}
        />
        <Button type="button" variant="outline" onClick={() => void copy()} aria-live="polite">
          {copied ? <CheckIcon aria-hidden="true" /> : <CopyIcon aria-hidden="true" />}
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </Alert>
  );
}
