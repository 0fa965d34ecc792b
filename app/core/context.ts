// What every loader and action receives in `context`, filled in by the HTTP server (server/http.ts).
import type { Caller, Services } from "./services.server.ts";

export interface RequestContext {
  services: Services;
  /** The signed-in account, or null for a visitor. */
  caller: Caller | null;
  /** The cookie session behind `caller` (null for visitors and bearer-token calls). */
  sessionId: string | null;
  /** Token every form must echo as `_csrf` (or the X-CSRF-Token header). */
  csrfToken: string;
  /** Per-response nonce that the CSP allows for inline scripts. */
  nonce: string;
  ip: string | null;
  secure: boolean;
  demo: boolean;
}

declare module "react-router" {
  interface AppLoadContext extends RequestContext {}
}
