/**
 * The per-kind components' plain args (usable from every Pulumi language) restate shapes
 * of the model; tsc holds them together here: a field the model gains or loses fails the
 * type-check (`npm test` runs tsc) until the args follow, or the field is listed below as
 * one the per-kind args do not offer yet.
 */
import { strict as assert } from "node:assert";
import type { z } from "zod";
import type { ClaimSpec, ConfigMapSpec, SecretSpec } from "../components/kinds/index.js";
import type { configMapRef, pvcProvision, secretRef } from "../components/model/resources.js";
import type { volumeClaimConnection } from "../components/model/connection.js";
import type { agentConfig, agentSecretRef, chartRef } from "../components/model/agent.js";
import type { agentCatalog } from "../components/model/stack.js";
import type { AgentArgs as PackageAgentArgs } from "../components/package/agent.js";
import type { AgentSecretSpec, ChartSpec, ConnectionSpec } from "../components/package/args.js";

/** `true` when A and B have the same keys, else the keys that differ. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : { onlyIn1st: Exclude<keyof A, keyof B>; onlyIn2nd: Exclude<keyof B, keyof A> };

/** Secret sources of the model the per-kind SecretSpec does not offer yet (use an Agent with the catalog format for them). */
type NotInSecretSpec = "hostPath" | "isRequested" | "dockerConfig" | "gcsKeyFile" | "gitToken" | "s3" | "notifier" | "external";
/** ConfigMap fields the per-kind ConfigMapSpec does not offer yet. */
type NotInConfigMapSpec = "hostPath" | "isRequested" | "defaultMode";

const claim: SameKeys<ClaimSpec, z.input<typeof pvcProvision>> = true;
const secret: SameKeys<SecretSpec, Omit<z.input<typeof secretRef>, NotInSecretSpec>> = true;
const configMap: SameKeys<ConfigMapSpec, Omit<z.input<typeof configMapRef>, NotInConfigMapSpec>> = true;
// The component package's Agent: an entry of any kind (volume_claim's has every field), the chart, the token's Secret, the agent.
const entry: SameKeys<ConnectionSpec, z.input<typeof volumeClaimConnection>> = true;
const chart: SameKeys<ChartSpec, z.input<typeof chartRef>> = true;
const agentSecret: SameKeys<AgentSecretSpec, z.input<typeof agentSecretRef>> = true;
/** What the package's AgentArgs adds: the typed API's flag for secret chart values. */
type OnlyInAgentArgs = "secretValues";
const agent: SameKeys<Omit<PackageAgentArgs, OnlyInAgentArgs>, Omit<z.input<typeof agentCatalog>, "agent"> & z.input<typeof agentConfig>> = true;

describe("the per-kind args and the model", () => {
  it("name the same fields (checked by tsc; listed exceptions only)", () => {
    assert.deepEqual([claim, secret, configMap, entry, chart, agentSecret, agent], [true, true, true, true, true, true, true]);
  });
});
