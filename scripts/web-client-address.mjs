// Preloaded into the web app's server (`node --import` in `pnpm start`, the
// browser tests and docker-compose). Next.js keeps an X-Forwarded-For the
// client sent, and the /trpc proxy forwards its last entry to the API as the
// browser's address for sign-in limits, so a client could pick any address.
// Here each request's X-Forwarded-For becomes the address its connection came
// from. Behind a reverse proxy that sets the header itself, set
// WEB_TRUST_FORWARDED_FOR=true to keep what it says.
import http from 'node:http';
import process from 'node:process';

if (process.env.WEB_TRUST_FORWARDED_FOR !== 'true') {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithClientAddress(event, ...args) {
    if (event === 'request') {
      const [request] = args;
      request.headers['x-forwarded-for'] = request.socket.remoteAddress ?? '';
    }
    return emit.call(this, event, ...args);
  };
}
