/** Per-kind components: plain typed args, usable alone or inside an Agent. */
export * from "./args.js";
export * from "./components.js";
