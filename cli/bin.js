#!/usr/bin/env node
// Entry point of `npx polyaxon-connections`: runs the TypeScript sources through tsx
// (transpile only; `npm test` type-checks them).
require("tsx/cjs/api").register();
const { main } = require("./main.ts");
process.exitCode = main(process.argv.slice(2));
