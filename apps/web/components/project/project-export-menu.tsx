'use client';
import { DownloadIcon } from 'lucide-react';
import { useState } from 'react';
import { notifyFailure } from '../../lib/notify';
import { useTRPCClient, type RouterInputs } from '../../lib/trpc';
import { Button } from '../ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '../ui/dropdown-menu';
import { downloadFile } from './download-file';

type Format = NonNullable<RouterInputs['project']['export']['format']>;

const FORMATS: Array<{ format: Format; label: string; hint: string }> = [
  { format: 'json', label: 'JSON document', hint: 'Imports into another workspace or Shipshape' },
  { format: 'markdown', label: 'Markdown', hint: 'The checklist as a task list' },
  { format: 'csv-items', label: 'CSV: checklist items', hint: 'One row per item' },
  { format: 'csv-measurements', label: 'CSV: KPI measurements', hint: 'One row per value' },
];

/** "Export" on a project: each format downloads a file (asked for on click, never cached). */
export function ProjectExportMenu({ projectId }: { projectId: string }) {
  const client = useTRPCClient();
  const [pending, setPending] = useState(false);
  const download = async (format: Format) => {
    setPending(true);
    try {
      downloadFile(await client.project.export.query({ projectId, format }));
    } catch (error) {
      notifyFailure('Exporting the project', error);
    } finally {
      setPending(false);
    }
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" pending={pending} disabled={pending}>
          <DownloadIcon aria-hidden="true" />
          Export
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {FORMATS.map(({ format, label, hint }) => (
          <DropdownMenuItem key={format} onSelect={() => void download(format)}>
            <span className="grid">
              <span>{label}</span>
              <span className="text-xs text-muted-foreground">{hint}</span>
            </span>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
