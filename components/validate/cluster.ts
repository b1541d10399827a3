/**
 * One stack per cluster, named in the stack's own config. Without `kubernetes:context` or
 * `kubernetes:kubeconfig`, the Kubernetes provider would use the ambient kubeconfig's
 * current context: whatever cluster the person or CI runner last switched to.
 */
import type { Diagnostic } from "../model/diagnostics.js";
import type { ConfigSource } from "../load/catalog.js";
import { error, warning } from "./input.js";

/** Config keys that name a stack's cluster explicitly. */
export const CLUSTER_KEYS = ["kubernetes:context", "kubernetes:kubeconfig"] as const;

/** Whether the stack names its cluster, or opts into the ambient one on purpose. */
export function namesItsCluster(source: ConfigSource): boolean {
  const keys = source.keys();
  return CLUSTER_KEYS.some((k) => keys.includes(k)) || source.value("ambientCluster") === true;
}

/** Fields of a kubeconfig that hold credentials (a user's token, client key, password). */
const KUBECONFIG_CREDENTIAL = /["']?\b(token|client-key-data|password|access-token|id-token|refresh-token)["']?\s*:/;

/** An inline kubeconfig set without `--secret` that holds credentials: they would sit in the stack file, and the state, in clear. */
function checkKubeconfigInClear(source: ConfigSource): Diagnostic[] {
  const kubeconfig = source.plainValue?.("kubernetes:kubeconfig");
  const text = typeof kubeconfig === "string" ? kubeconfig : kubeconfig === undefined ? "" : JSON.stringify(kubeconfig);
  if (!KUBECONFIG_CREDENTIAL.test(text)) return [];
  return [
    error("secret-in-clear", "kubernetes:kubeconfig", "holds cluster credentials (a token, client key or password) in clear in the stack file", {
      fix: 'store it encrypted: `pulumi config set --secret kubernetes:kubeconfig "$(cat <kubeconfig file>)"`, and rotate the credentials (they were written in a file)',
    }),
  ];
}

/**
 * A stack that names no cluster: an error where it would touch one (`pulumi preview`/`up`),
 * a warning for the offline commands, which touch none. An inline kubeconfig with
 * credentials in clear is an error everywhere.
 */
export function checkClusterBoundary(source: ConfigSource, touchesCluster: boolean): Diagnostic[] {
  if (namesItsCluster(source)) return checkKubeconfigInClear(source);
  const report = touchesCluster ? error : warning;
  return [
    report("cluster", "kubernetes:context", "the stack names no cluster, so pulumi would use whatever cluster the ambient kubeconfig points at", {
      fix:
        "run `pulumi config set kubernetes:context <context>` (or set kubernetes:kubeconfig) for this stack; " +
        "for a local dev cluster (kind, minikube) that should follow your current context, set polyaxon:ambientCluster: true",
    }),
  ];
}
