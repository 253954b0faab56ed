// Runs in the browser before the app's own code.
import { config } from 'zod/v4/core';
import { bootstrapSession } from './lib/session';

// zod compiles fast parsers with `new Function` unless told not to, and probes
// for it once; under the Content-Security-Policy (no 'unsafe-eval', see
// lib/security-headers.ts) the probe is refused and reported as a violation.
// Schemas read this when they are created, so it is set before any exists.
config({ jitless: true });

// The session refresh starts now, not after the app has hydrated: a page's
// first reads (which need the access token) no longer wait for hydration
// and then a round trip. The app's own call later finds it under way.
bootstrapSession();
