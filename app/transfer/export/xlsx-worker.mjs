// Entry of the .xlsx writing worker thread (xlsx-worker-sink.server.ts): registers the TypeScript loader
// the app runs with, then starts the worker proper.
import { register } from "tsx/esm/api";

register();
await import("./xlsx-worker.ts");
