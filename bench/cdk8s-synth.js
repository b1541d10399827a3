// The baseline: cdk8s synthesising the same objects and values our `render` writes.
// Input: a JSON file {manifests: [...], values: {...}}; output: one YAML file per object
// (like ours) plus the values file. Plain JavaScript, so no loader cost is added.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { App, Chart, ApiObject, YamlOutputType } = require("cdk8s");
const { dump } = require("js-yaml");

const [input, outdir] = process.argv.slice(2);
const { manifests, values } = JSON.parse(fs.readFileSync(input, "utf8"));
const app = new App({ outdir: path.join(outdir, "manifests"), yamlOutputType: YamlOutputType.FILE_PER_RESOURCE });
const chart = new Chart(app, "catalog", { disableResourceNameHashes: true });
for (const m of manifests) {
  new ApiObject(chart, `${m.kind}-${m.metadata.namespace}-${m.metadata.name}`, m);
}
app.synth();
fs.mkdirSync(path.join(outdir, "values"), { recursive: true });
fs.writeFileSync(path.join(outdir, "values", "agent.yaml"), dump(values, { sortKeys: true }));
