/**
 * The public API of the package: the components, their typed args, validation entry points
 * and the error type. (This repository's own program and tests use `internal.ts`.)
 */
export { Agent, type AgentCatalogArgs } from "./agent.js";
export { CatalogError } from "./catalog-error.js";
export { type AgentArgs, type ArtifactsStoreEntryArgs, type ConnectionEntryArgs, type ProvisionedConnection, type SecretArgs, validateAgentArgs } from "./agent-args.js";
// The children an Agent creates: their types, for its fields; only an Agent builds them.
export type { ArtifactsStore } from "./artifacts-store.js";
export type { Connection } from "./connection.js";
export * from "./kinds/index.js";
export {
  type Catalog,
  CONNECTION_KINDS,
  type ConfigSource,
  configSourceFrom,
  type ConnectionKind,
  type Diagnostic,
  formatDiagnostics,
  loadCatalog,
  loadStack,
  RULES,
  type StackModel,
  stackFileJsonSchema,
} from "./catalog.js";
