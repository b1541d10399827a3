/** Public API: the catalog model and the Pulumi components. */
export * from "./spec/index.js";
export * from "./catalog/index.js";
export * from "./kubernetes-object.js";
export * from "./artifacts-store.js";
export * from "./connection.js";
export * from "./agent.js";
