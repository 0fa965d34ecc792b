// Entry of a sheet-reading worker thread (worker-rows.server.ts): registers the TypeScript loader the
// app runs with, then starts the worker proper.
import { register } from "tsx/esm/api";

register();
await import("./rows-worker.ts");
