export * from "./kinds.js";
export * from "./schema-types.js";
export * from "./resources.js";
export * from "./connection.js";
export * from "./agent.js";
export * from "./stack.js";
export * from "./json-schema.js";
export * from "./kind-guide.js";
