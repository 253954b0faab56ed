'use client';
import { NotificationSettings } from '../../../components/notifications/notification-settings-form';

export default function NotificationSettingsPage() {
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
        <p className="text-sm text-muted-foreground">
          Your own settings, the same in every workspace.
        </p>
      </div>
      <NotificationSettings />
    </div>
  );
}
