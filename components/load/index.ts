/** Load: stack config (or a config source in code) → parsed catalogs, with their problems. */
export * from "./catalog.js";
export * from "./library.js";
export * from "./parse-stack.js";
export * from "./secure-config.js";
export * from "./yaml.js";
export * from "./parsed-agent.js";
