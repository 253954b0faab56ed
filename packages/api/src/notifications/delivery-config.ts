/** How notifications leave the inbox: by email or not, and how fast. */
export interface DeliveryConfig {
  /** False without SMTP_URL: notifications stay in the inbox only. */
  emailEnabled: boolean;
  /** How long an immediate mail waits for more notifications to join it. */
  emailDelayMs: number;
}

export const NO_EMAIL: DeliveryConfig = { emailEnabled: false, emailDelayMs: 60_000 };
