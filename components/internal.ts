/**
 * Everything, for this repository's own program, tests and tools. The package's public API
 * is the curated `index.ts`.
 */
export * from "./catalog.js";
export * from "./kubernetes-object.js";
export * from "./artifacts-store.js";
export * from "./connection.js";
export * from "./agent.js";
export * from "./catalog-error.js";
export * from "./agent-args.js";
export * from "./pulumi-config.js";
export * from "./kinds/index.js";
