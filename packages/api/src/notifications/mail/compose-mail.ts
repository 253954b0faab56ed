// The mails themselves: plain text and simple HTML, absolute links to the web
// app, and the one-click unsubscribe of RFC 8058 in every one.
import type { TNotification } from '@shipshape/domain';
import { signUnsubscribeToken, type UnsubscribeScope } from '../unsubscribe-token';
import type { MailMessage, MailSettings } from './mailer';

/** The one-click unsubscribe of RFC 8058 (List-Unsubscribe): the API's route, through the web app's /trpc proxy. */
export const UNSUBSCRIBE_PATH = '/trpc/mail.unsubscribe';
/** The link a person follows from a mail's text: the web app's page, one click to confirm. */
export const UNSUBSCRIBE_PAGE = '/unsubscribe';

export function unsubscribeUrl(
  settings: MailSettings,
  userId: string,
  scope: UnsubscribeScope,
  path: typeof UNSUBSCRIBE_PATH | typeof UNSUBSCRIBE_PAGE = UNSUBSCRIBE_PATH,
) {
  const token = signUnsubscribeToken(settings.unsubscribeSecret, userId, scope);
  return `${settings.webOrigin}${path}?token=${encodeURIComponent(token)}`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text (titles, names: anything users typed) safe inside HTML and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

interface Line {
  text: string;
  url: string;
}

function message(
  settings: MailSettings,
  to: { id: string; email: string },
  subject: string,
  intro: string,
  lines: Line[],
): MailMessage {
  const unsubscribe = unsubscribeUrl(settings, to.id, 'all', UNSUBSCRIBE_PAGE);
  const text = [
    intro,
    '',
    ...lines.flatMap((line) => [`- ${line.text}`, `  ${line.url}`]),
    '',
    `Unsubscribe from all Shipshape email: ${unsubscribe}`,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    '<ul>',
    ...lines.map(
      (line) => `<li><a href="${escapeHtml(line.url)}">${escapeHtml(line.text)}</a></li>`,
    ),
    '</ul>',
    `<p style="color:#666;font-size:12px"><a href="${escapeHtml(unsubscribe)}">Unsubscribe</a> from all Shipshape email.</p>`,
  ].join('\n');
  return {
    to: to.email,
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl(settings, to.id, 'all')}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** One mail for everything that happened since the last: "Ana assigned you “X” (and 9 more)". */
export function notificationMail(
  settings: MailSettings,
  to: { id: string; email: string },
  notifications: TNotification[],
): MailMessage {
  const first = notifications[0]!;
  const more = notifications.length - 1;
  const subject = more === 0 ? first.text : `${first.text.replace(/\.$/, '')} (and ${more} more)`;
  return message(
    settings,
    to,
    subject,
    more === 0 ? 'In Shipshape:' : `${notifications.length} things happened in Shipshape:`,
    notifications.map((n) => ({ text: n.text, url: `${settings.webOrigin}${n.url}` })),
  );
}

export interface DigestItem {
  title: string;
  dueDate: string;
  overdue: boolean;
  path: string;
}

/** The daily digest: what is overdue, and what is due today or tomorrow. */
export function digestMail(
  settings: MailSettings,
  to: { id: string; email: string },
  items: DigestItem[],
): MailMessage {
  const overdue = items.filter((i) => i.overdue).length;
  const subject =
    overdue > 0
      ? `${overdue} overdue and ${items.length - overdue} due soon in Shipshape`
      : `${items.length} item${items.length === 1 ? '' : 's'} due soon in Shipshape`;
  return message(
    settings,
    to,
    subject,
    'Your items with a due date coming up or passed:',
    items.map((i) => ({
      text: `${i.overdue ? 'Overdue' : 'Due'} ${i.dueDate}: ${i.title}`,
      url: `${settings.webOrigin}${i.path}`,
    })),
  );
}
