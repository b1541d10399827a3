/**
 * Stack files read as the Pulumi CLI reads them: with `gopkg.in/yaml.v3`
 * (`sdk/go/common/encoding/marshal.go`), whose values `sdk/go/common/resource/config/object.go`
 * converts before the engine hands them to the program. The offline commands must see what
 * `pulumi up` deploys, and yaml.v3 resolves plain scalars unlike the YAML 1.2 core schema:
 * - integers in Go's base-0 syntax: `0600` is octal (384), `05432` is 2842, `1_000` is 1000;
 *   one that does not parse (`09`) may still be a float (9);
 * - `2024-01-01` and other timestamps become a Go `time.Time`, which reaches the program as
 *   its `String()`: `2024-01-01 00:00:00 +0000 UTC` (refused by the `yaml-date` rule);
 * - `.inf`/`.nan` are floats that the CLI cannot write as JSON (refused here);
 * - a number out of range (`1e400`) stays a string.
 * Ported from yaml.v3 3.0.1 `resolve.go` (`resolve`, `parseTimestamp`) and Go's
 * `strconv.ParseInt(s, 0, 64)`; tested against the library itself (test/pulumi-yaml.test.ts).
 */
import * as jsyaml from "js-yaml";
import { aliasExpansion } from "./yaml.js";

/** Thrown for a scalar the Pulumi CLI cannot hand to a program. */
export class UnrepresentableScalarError extends Error {}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** `strconv.ParseInt(s, 0, 64)` (and, without a sign, `ParseUint`): the value, or undefined. */
function goParseInt(s: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const body = m[2]!;
  const magnitude = /^0[xXbBoO]/.test(body)
    ? BigInt(body.slice(0, 2).toLowerCase() + body.slice(2))
    : body[0] === "0" && body.length > 1
      ? BigInt(`0o${body.slice(1)}`)
      : BigInt(body);
  const value = m[1] === "-" ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return value;
  return m[1] === "" && value <= UINT64_MAX ? value : undefined;
}

/** yaml.v3's `yamlStyleFloat`. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * yaml.v3's `parseTimestamp` (Go layouts `2006-1-2T15:4:5.999999999Z07:00`, the same with
 * `t`, `2006-1-2 15:4:5.999999999`, `2006-1-2`), as Go's `time.Time.String()` prints the
 * result on a host whose local zone is UTC; undefined when it is no timestamp.
 */
export function goTimestampString(s: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d{1,9})?))?$/.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [m[4] ?? m[9] ?? "0", m[5] ?? m[10] ?? "0", m[6] ?? m[11] ?? "0"].map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = (m[7] ?? m[12] ?? "").replace(/0+$/, "").replace(/^\.$/, "");
  const two = (n: number) => String(n).padStart(2, "0");
  // Go keeps the offset in minutes (`+95:65` is 96 hours 5 minutes) and names a zone it
  // does not know by its offset; UTC is this host's zone (and CI's).
  const zone = m[8];
  const minutes = zone === undefined || zone === "Z" ? 0 : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const offset = minutes === 0 ? "+0000 UTC" : `${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`.replace(/^(.*)$/, "$1 $1");
  return `${m[1]}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}:${two(second)}${fraction} ${offset}`;
}

type Resolved = { tag: "null"; value: null } | { tag: "bool"; value: boolean } | { tag: "int" | "float"; value: number } | { tag: "timestamp" | "str"; value: string };

/** yaml.v3's words for booleans and null (a Map: `constructor` is a plain string, not Object's). */
const MAPPED = new Map<string, Resolved>();
for (const s of ["true", "True", "TRUE"]) MAPPED.set(s, { tag: "bool", value: true });
for (const s of ["false", "False", "FALSE"]) MAPPED.set(s, { tag: "bool", value: false });
for (const s of ["", "~", "null", "Null", "NULL"]) MAPPED.set(s, { tag: "null", value: null });

/** yaml.v3's `resolve` for an untagged plain scalar, after Pulumi's conversion (timestamps become their Go text). */
export function resolvePlainScalar(s: string): Resolved {
  const mapped = MAPPED.get(s);
  if (mapped) return mapped;
  const hint = s[0]!;
  // As yaml.v3: only a scalar starting with a sign, a digit or a dot can be anything but a string.
  if (!/[-+.0-9]/.test(hint)) return { tag: "str", value: s };
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s) || /^\.(nan|NaN|NAN)$/.test(s)) {
    throw new UnrepresentableScalarError(`${s} is a float that Pulumi cannot pass to a program (JSON has no infinity or NaN)`);
  }
  if (hint === ".") {
    const f = /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) ? Number(s) : NaN;
    return Number.isFinite(f) ? { tag: "float", value: f } : { tag: "str", value: s };
  }
  const time = goTimestampString(s);
  if (time !== undefined) return { tag: "timestamp", value: time };
  const plain = s.replace(/_/g, "");
  const int = goParseInt(plain);
  if (int !== undefined) return { tag: "int", value: Number(int) };
  if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return { tag: "float", value: Number(plain) };
  return { tag: "str", value: s };
}

/**
 * js-yaml asks each implicit type in turn about the same scalar, then constructs it: the
 * last scalar's resolution is kept so that it is resolved once, not up to six times.
 */
let last: { text: string; resolved: Resolved } | undefined;
function resolvedOnce(data: string | null): Resolved {
  const text = data ?? "";
  if (last?.text !== text) last = { text, resolved: resolvePlainScalar(text) };
  return last.resolved;
}

/** A js-yaml type that takes the plain scalars yaml.v3 resolves to `tag`. */
function implicitType(tag: Resolved["tag"], yamlTag: string) {
  return new jsyaml.Type(`tag:yaml.org,2002:${yamlTag}`, {
    kind: "scalar",
    resolve: (data: string | null) => resolvedOnce(data).tag === tag,
    construct: (data: string | null) => resolvedOnce(data).value,
  });
}

/**
 * The schema: yaml.v3's plain-scalar resolution (a timestamp constructed as the text Go
 * prints for it, which the program receives). `<<` stays a key, which the `data-key` rule
 * refuses: yaml.v3 would merge it.
 */
const PULUMI_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: ["null", "bool", "int", "float", "timestamp"].map((t) => implicitType(t as Resolved["tag"], t)),
});

/**
 * Parse a `Pulumi*.yaml` document into the values the engine hands the program. Throws on
 * bad YAML, runaway aliases (YamlAliasError) and unrepresentable scalars.
 */
export function readPulumiYaml(text: string): unknown {
  const doc = jsyaml.load(text, { schema: PULUMI_SCHEMA });
  if (text.includes("*")) aliasExpansion(doc);
  return doc;
}

/** Go's `time.Time.String()` text: a YAML date that Pulumi converted on its way to the program. */
export const GO_TIME_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,9})? [+-]\d{4} (UTC|[+-]\d{4}|[A-Z]{3,5})$/;
