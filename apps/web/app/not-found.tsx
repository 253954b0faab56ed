import Link from 'next/link';
import { Logo } from '../components/logo';

export default function NotFound() {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4">
      <div className="space-y-4 text-center">
        <Logo className="text-lg" />
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="text-muted-foreground">There is nothing at this address.</p>
        <Link href="/" className="font-medium text-primary hover:underline">
          Go to Shipshape
        </Link>
      </div>
    </main>
  );
}
