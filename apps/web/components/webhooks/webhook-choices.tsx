import type { TWebhookEvent } from '@shipshape/domain';
import { WEBHOOK_EVENTS } from '../../lib/domain';

/** What each event a webhook can subscribe to means, in the order the domain lists them. */
const EVENT_HELP: Record<TWebhookEvent, string> = {
  'item.updated': 'A checklist item changed (status, assignee, due date, notes).',
  'item.assigned': 'An item was assigned to someone.',
  'item.completed': 'An item was marked done.',
  'comment.created': 'Someone commented on an item.',
  'kpi.measurement_recorded': 'A KPI got a new value.',
  'kpi.off_track': 'A KPI went off track.',
  'lesson.created': 'A lesson learned was recorded.',
  'project.created': 'A project was created.',
  'project.stage_changed': 'A project moved to another stage.',
};

export const EVENT_CHOICES = WEBHOOK_EVENTS.map((event) => ({
  value: event,
  label: <code className="font-mono text-xs">{event}</code>,
  help: EVENT_HELP[event],
}));
