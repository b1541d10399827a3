/**
 * zod compiles a fast parser per object schema (`new Function`) the first time it parses
 * with it; a command parses each schema a few times, so compiling costs more than it saves.
 * zod reads the setting when a schema is built, so this module must be evaluated before any
 * module that builds schemas: cli/entry.ts imports it first.
 */
import { config } from "zod";

config({ jitless: true });
