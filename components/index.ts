/** Public API: the pure catalog layer and the Pulumi components that register its plan. */
export * from "./catalog.js";
export * from "./kubernetes-object.js";
export * from "./artifacts-store.js";
export * from "./connection.js";
export * from "./agent.js";
export * from "./agent-args.js";
export * from "./pulumi-config.js";
export * from "./kinds/index.js";
