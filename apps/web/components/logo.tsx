import { AnchorIcon } from 'lucide-react';
import { cn } from '../lib/utils';

export function Logo({ className, withText = true }: { className?: string; withText?: boolean }) {
  return (
    <span className={cn('inline-flex items-center gap-2 font-semibold tracking-tight', className)}>
      <span className="grid size-7 place-items-center rounded-lg bg-primary text-primary-foreground">
        <AnchorIcon className="size-4" aria-hidden="true" />
      </span>
      {withText ? <span>Shipshape</span> : <span className="sr-only">Shipshape</span>}
    </span>
  );
}
