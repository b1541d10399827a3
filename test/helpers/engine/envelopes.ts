/**
 * Values as the engine receives them: a secret is an envelope `{[sig]: secretSig, value}`
 * (`@pulumi/pulumi/runtime/rpc`), an output value `{[sig]: outputSig, value, secret}`.
 * Shared by the mock-engine helpers and the gRPC engine stand-in.
 */
/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const rpc = require("@pulumi/pulumi/runtime/rpc");

const sigOf = (v: unknown) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>)[rpc.specialSigKey] : undefined);

/** True when `v` is a secret as the SDK serialises it (a secret envelope, or a secret output value). */
export function isSecretValue(v: unknown): v is { value: unknown } {
  const sig = sigOf(v);
  return sig === rpc.specialSecretSig || (sig === rpc.specialOutputValueSig && (v as { secret?: boolean }).secret === true);
}

/** Replace every wrapped secret by `f(value)`, recursively; a plain output value by its value. */
export function unwrapSecrets(v: unknown, f: (value: unknown) => unknown = (x) => x): unknown {
  if (isSecretValue(v)) return f(unwrapSecrets(v.value, f));
  if (sigOf(v) === rpc.specialOutputValueSig) return unwrapSecrets((v as { value?: unknown }).value, f);
  if (Array.isArray(v)) return v.map((x) => unwrapSecrets(x, f));
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapSecrets(x, f)]));
  }
  return v;
}

/**
 * What the state would hold in plain text: the serialised value with every secret envelope
 * (which the engine encrypts) cut out.
 */
export function plainTextOf(v: unknown): string {
  return JSON.stringify(unwrapSecrets(v, () => "<encrypted>"));
}
