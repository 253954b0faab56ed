import type { ReactNode } from 'react';
import { CenteredCardPage } from '../../components/ui/centered-card-page';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return <CenteredCardPage>{children}</CenteredCardPage>;
}
