// A campaign made or resumed in this process wakes its notice worker at once instead of at its next tick.
import type { Services } from "../core/services.server.ts";

const listeners = new WeakMap<Services, () => void>();

export function onWake(services: Services, listener: () => void): () => void {
  listeners.set(services, listener);
  return () => {
    if (listeners.get(services) === listener) listeners.delete(services);
  };
}

export function wakeNotices(services: Services): void {
  listeners.get(services)?.();
}
