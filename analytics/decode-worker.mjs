// Entry of a decoding worker thread (decode-pool.server.ts): registers the TypeScript loader the app runs
// with, then starts the worker proper.
import { register } from "tsx/esm/api";

register();
await import("./decode-worker.ts");
