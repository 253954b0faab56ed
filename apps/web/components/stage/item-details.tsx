'use client';
import type { Item } from '../../lib/items';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { DateInput } from '../ui/date-input';
import { NativeSelect } from '../ui/input';
import { Label } from '../ui/label';
import { CommentsThread } from './comments-thread';
import { EvidenceSection } from './evidence-section';
import { ExternalLink } from './external-link';
import { ItemNotesForm } from './item-notes-form';
import { useStage } from './stage-context';

/** What an opened item shows: its text, references, assignee, due date, notes, evidence, comments. */
export function ItemDetails({ item }: { item: Item }) {
  const stage = useStage();
  return (
    <div className="space-y-4">
      {item.body ? (
        <p className="text-sm whitespace-pre-wrap break-words text-muted-foreground">{item.body}</p>
      ) : null}
      {item.status === 'NOT_APPLICABLE' && item.notApplicableReason ? (
        <p className="text-sm">
          <span className="font-medium">Not applicable: </span>
          {item.notApplicableReason}
        </p>
      ) : null}
      {item.links.length > 0 || item.toolOptions.length > 0 ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {item.links.length > 0 ? (
            <div>
              <h4 className="mb-1 text-sm font-medium">References</h4>
              <ul className="space-y-0.5 text-sm">
                {item.links.map((link) => (
                  <li key={link.url}>
                    <ExternalLink url={link.url}>{link.label || link.url}</ExternalLink>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {item.toolOptions.length > 0 ? (
            <div>
              <h4 className="mb-1 text-sm font-medium">Tool options</h4>
              <ul className="flex flex-wrap gap-1">
                {item.toolOptions.map((tool) => (
                  <li key={tool}>
                    <Badge variant="outline">{tool}</Badge>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}

      <div className="grid gap-3 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor={`assignee-${item.id}`}>Assignee</Label>
          <NativeSelect
            id={`assignee-${item.id}`}
            value={item.assignee?.id ?? ''}
            disabled={!stage.canEdit}
            onChange={(event) => stage.save(item.id, { assigneeId: event.target.value || null })}
          >
            <option value="">Nobody</option>
            {stage.members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
            {item.assignee && !stage.members.some((m) => m.userId === item.assignee?.id) ? (
              <option value={item.assignee.id}>{item.assignee.name}</option>
            ) : null}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`due-${item.id}`}>Due date</Label>
          <DateInput
            id={`due-${item.id}`}
            value={item.dueDate}
            disabled={!stage.canEdit}
            onCommit={(dueDate) => stage.save(item.id, { dueDate })}
          />
        </div>
      </div>

      <ItemNotesForm item={item} canEdit={stage.canEdit} save={stage.save} />
      <EvidenceSection item={item} canEdit={stage.canEdit} onChanged={stage.replaceItem} />
      <CommentsThread itemId={item.id} canEdit={stage.canEdit} />
      {stage.canEdit ? (
        <Button size="sm" variant="outline" onClick={() => stage.onLogLesson(item)}>
          Log a lesson about this item
        </Button>
      ) : null}
      {item.completedAt && item.status === 'DONE' ? (
        <p className="text-xs text-muted-foreground">
          Done by {item.completedBy?.name ?? 'someone'}
        </p>
      ) : null}
    </div>
  );
}
