#!/usr/bin/env node
// The `linli` command. The TypeScript sources run directly through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/main.ts");
await main(process.argv);
