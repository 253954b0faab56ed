import { Badge } from '../ui/badge';

/** "On track" or "Off track" against the KPI's target; nothing without a target. */
export function OnTrackBadge({ onTrack }: { onTrack: boolean | null }) {
  if (onTrack === null) return null;
  return (
    <Badge variant={onTrack ? 'secondary' : 'destructive'}>
      {onTrack ? 'On track' : 'Off track'}
    </Badge>
  );
}
