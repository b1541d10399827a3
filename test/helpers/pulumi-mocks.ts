/**
 * The SDK's mock engine, with a record of every resource registered: its type, name,
 * inputs (secrets still wrapped, so tests can check secretness), parent and options the
 * mocks interface does not show (retainOnDelete, dependencies).
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { engineRuleViolations } from "./engine/rules.js";

export { engineRuleViolations };
export { isSecretValue, plainTextOf, unwrapSecrets } from "./engine/envelopes.js";

// Internal modules of the SDK, used to see the registration request itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { MockMonitor } = require("@pulumi/pulumi/runtime/mocks");

export interface Registered {
  type: string;
  name: string;
  urn: string;
  parent: string;
  inputs: Record<string, unknown>;
  retainOnDelete: boolean;
  dependencies: string[];
  /** Provider reference (`<provider urn>::<id>`), empty for the default provider. */
  provider: string;
  /** Old names and URNs the resource answers to. */
  aliases: unknown[];
}

/** Every resource registered since the last `resetRegistered()`. */
export const registered: Registered[] = [];

/** Outputs of components and of the stack (`registerOutputs`), serialised as the engine gets them. */
export const registeredOutputs: { urn: string; outputs: Record<string, unknown> }[] = [];

export function resetRegistered(): void {
  registered.length = 0;
  registeredOutputs.length = 0;
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getObject(): { toJavaScript(): unknown };
  getRetainondelete(): boolean | undefined;
  getDependenciesList(): string[];
  getProvider(): string;
  getAliasesList(): { toObject(): unknown }[];
}

const original = MockMonitor.prototype.registerResource;
MockMonitor.prototype.registerResource = async function (this: unknown, req: RegisterRequest, callback: (err: unknown, res: { getUrn(): string } | undefined) => void) {
  // The serialised request: secret inputs are still wrapped in the SDK's secret signature.
  const inputs = req.getObject().toJavaScript() as Record<string, unknown>;
  return original.call(this, req, (err: unknown, res: { getUrn(): string } | undefined) => {
    if (!err && res) {
      registered.push({
        type: req.getType(),
        name: req.getName(),
        urn: res.getUrn(),
        parent: req.getParent(),
        inputs,
        retainOnDelete: req.getRetainondelete() ?? false,
        dependencies: req.getDependenciesList(),
        provider: req.getProvider(),
        aliases: req.getAliasesList().map((a) => a.toObject()),
      });
    }
    callback(err, res);
  });
};

const originalOutputs = MockMonitor.prototype.registerResourceOutputs;
MockMonitor.prototype.registerResourceOutputs = function (
  this: unknown,
  req: { getUrn(): string; getOutputs(): { toJavaScript(): unknown } | undefined },
  callback: (err: unknown, res: unknown) => void,
) {
  registeredOutputs.push({ urn: req.getUrn(), outputs: (req.getOutputs()?.toJavaScript() ?? {}) as Record<string, unknown> });
  return originalOutputs.call(this, req, callback);
};

/**
 * Kubernetes objects get a resourceVersion that changes with their inputs, as the API
 * server's does with their content.
 */
function stateOf(inputs: Record<string, unknown>): Record<string, unknown> {
  const metadata = inputs.metadata as Record<string, unknown> | undefined;
  if (!metadata) return inputs;
  const resourceVersion = createHash("sha256").update(JSON.stringify(inputs)).digest("hex").slice(0, 12);
  return { ...inputs, metadata: { ...metadata, resourceVersion } };
}

pulumi.runtime.setMocks(
  {
    newResource: (args) => ({ id: `${args.name}-id`, state: stateOf(args.inputs) }),
    call: (args) => args.inputs,
  },
  "polyaxon-connections",
  "test",
  false,
);

/** An Output's value (also for secrets). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/**
 * Wait until every resource in `resources` has been registered with the engine, then apply
 * the engine's rules that the mock monitor skips (`engineRuleViolations`, shared with the
 * gRPC engine stand-in).
 */
export async function settled(resources: readonly pulumi.Resource[]): Promise<void> {
  await Promise.all(resources.map((r) => valueOf(r.urn)));
  const violations = engineRuleViolations(registered);
  if (violations.length > 0) throw new Error(`the Pulumi engine would refuse this deployment:\n${violations.join("\n")}`);
}

/** The cluster test stacks name (the program refuses a stack that names none). */
export const MOCK_CLUSTER = { "kubernetes:context": "mock-cluster" };

/**
 * Replace the whole Pulumi config: plain values, and secret keys given separately. A stack
 * that names no cluster gets `MOCK_CLUSTER`, unless `ambient` says to leave it as it is.
 */
export function setConfig(plain: Record<string, string>, secrets: Record<string, string> = {}, ambient = false): void {
  const all = { ...plain, ...secrets };
  const named = "kubernetes:context" in all || "kubernetes:kubeconfig" in all || "polyaxon:ambientCluster" in all;
  pulumi.runtime.setAllConfig({ ...(named || ambient ? {} : MOCK_CLUSTER), ...all }, Object.keys(secrets));
}
