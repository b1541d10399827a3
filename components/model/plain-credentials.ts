/**
 * Finds credentials written in clear in a config or values tree: by the name that holds
 * them (`PGPASSWORD`, `apiKey`, `ldapBindPw`, `dsn`, an env `{name, value}` pair) and by the
 * value's shape (provider token forms, a URL carrying a password or token, a webhook URL
 * whose path is its secret, an `Authorization` header). One detector for `validate`, which
 * refuses them, and `import`, which never writes them.
 */
import { TOKEN_PATTERN } from "./credentials.js";
import { isObjectName } from "./primitives.js";

/** A path inside a tree: mapping keys and list indexes. */
export type TreePath = (string | number)[];

/** One credential found: where, and what it is (never the value). */
export interface PlainCredential {
  path: TreePath;
  /** "a password", "a URL with a password", …: for messages. */
  what: string;
  /** For a URL whose userinfo is the credential: the URL without it, safe to keep. */
  withoutCredential?: string;
}

/** Words in a key name that say its value is a credential (lower case, separators removed). */
const CREDENTIAL_WORDS =
  /pass(word|wd|phrase)?|pwd|secret|token|(api|access|private|signing|encryption|master|session|auth|organization|license|account|storage|client|shared|service|integration|app)key|credential|dsn|cookie|bindpw|authorization/;
/** Endings of key names that name or describe a credential rather than hold it (`secretName`, `passwordKey`, `tokenFile`). */
const NAMES_SOMETHING =
  /(name|names|ref|file|path|dir|enabled|type|mode|policy|length|url|uri|endpoint|host|port|ttl|expiry|timeout|header|user|username|login|namespace|items?|id|version|format|(pass(word|wd)?|pwd|token|credentials?)key)$/;
/** Prefixes of key names that point at a Secret (`existingSecret`, `useSecret`, `createSecret`). */
const POINTS_AT = /^(existing|use|create|mount|with)[A-Z_.-]/;

/** Names ending in Secret whose value is the secret itself in the official charts (`encryptionSecret`), not a Secret's name. */
const SECRET_VALUE_NAMES = /(encryption|platform|client|shared|jwt|session|signing|cookie|hmac|app|api|webhook)secrets?$/;

/**
 * What a key (or env var) named `name` holds: `"credential"`; `"secret-or-name"` (`agentSecret`,
 * `imagePullSecrets`: a Secret's name when the value is one, else a credential); or nothing.
 */
export function credentialNameClass(name: string): "credential" | "secret-or-name" | undefined {
  const words = name.toLowerCase().replace(/[-_.\s]/g, "");
  if (!CREDENTIAL_WORDS.test(words) || NAMES_SOMETHING.test(words) || POINTS_AT.test(name)) return undefined;
  return /secrets?$/.test(words) && !SECRET_VALUE_NAMES.test(words) ? "secret-or-name" : "credential";
}

/** Whether a key (or env var) named `name` holds a credential. */
export function isCredentialName(name: string): boolean {
  return credentialNameClass(name) === "credential";
}

const URL_USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@\s]*)@/i;
const SECRET_QUERY = /[?&](token|access_token|api_?key|key|sig|signature|password|secret|auth)=[^&#\s]+/i;
const WEBHOOKS: readonly RegExp[] = [
  /hooks\.slack\.com\/(services|workflows|triggers)\//i,
  /discord(app)?\.com\/api\/webhooks\/\d+\/[\w-]+/i,
  /\.webhook\.office\.com\/webhook(b2)?\//i,
  /\/hooks\/[a-z0-9]{26}\b/, // Mattermost incoming webhooks
  /events\.pagerduty\.com\/integration\/[0-9a-f]{32}/i,
];
const AUTH_HEADER = /^(bearer|basic|token|digest)\s+\S{8,}/i;

/** What `value` is when its shape alone shows a credential; undefined otherwise. */
export function credentialShape(value: string): Omit<PlainCredential, "path"> | undefined {
  const userinfo = URL_USERINFO.exec(value);
  if (userinfo) {
    const [whole, scheme, info] = userinfo as unknown as [string, string, string];
    const colon = info.indexOf(":");
    const withoutCredential = `${scheme}${value.slice(whole.length)}`;
    if (colon !== -1 && colon < info.length - 1) return { what: "a URL with a password", withoutCredential };
    if (TOKEN_PATTERN.test(info) || info.length >= 20) return { what: "a URL with a token", withoutCredential };
  }
  if (SECRET_QUERY.test(value) && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return { what: "a URL with a token in its query" };
  if (WEBHOOKS.some((p) => p.test(value))) return { what: "a webhook URL (its path is its secret)" };
  if (AUTH_HEADER.test(value)) return { what: "an Authorization header value" };
  if (TOKEN_PATTERN.test(value)) return { what: "a token" };
  return undefined;
}

/** A value that refers to one held elsewhere (`${VAR}`, `$(VAR)`, a Helm template), not a literal. */
const isReference = (value: string) => /^\s*(\$\{[^}]*\}|\$\([^)]*\)|\{\{.*\}\})\s*$/.test(value);

const isMappingNode = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Questions about a path during the walk: the path is the walk's own, to read and not to keep. */
export interface FindOptions {
  /** Leave this subtree out (secret config, which is encrypted). */
  skip?: (path: TreePath) => boolean;
  /** Whether key names count at this path (not where a format's keys name data keys, as `fromConfig` does). */
  byName?: (path: TreePath) => boolean;
}

/**
 * Every credential in `tree`, by path. Under a credential name any non-empty string or
 * number counts; elsewhere, only a credential's shape.
 */
export function findPlainCredentials(tree: unknown, opts: FindOptions = {}): PlainCredential[] {
  const { skip = () => false, byName = () => true } = opts;
  const found: PlainCredential[] = [];
  type Named = ReturnType<typeof credentialNameClass>;
  // One path, extended and shortened as the walk goes (a copy for each finding): a catalog
  // has tens of thousands of nodes.
  const path: TreePath = [];
  // A catalog repeats a few dozen key names thousands of times: each is classed once.
  const classes = new Map<string, Named>();
  const classOf = (name: string): Named => {
    if (!classes.has(name)) classes.set(name, credentialNameClass(name));
    return classes.get(name);
  };
  const visit = (value: unknown, named: Named): void => {
    if (skip(path)) return;
    if (typeof value === "string" || typeof value === "number") {
      const text = String(value);
      if (text === "" || isReference(text)) return;
      const shape = typeof value === "string" ? credentialShape(text) : undefined;
      if (shape) found.push({ path: [...path], ...shape });
      else if (!byName(path)) return;
      else if (named === "credential" || (named === "secret-or-name" && !isObjectName(text))) {
        found.push({ path: [...path], what: "a credential (by its name)" });
      }
      return;
    }
    const child = (key: string | number, item: unknown, itemNamed: Named) => {
      path.push(key);
      visit(item, itemNamed);
      path.pop();
    };
    if (Array.isArray(value)) {
      value.forEach((item, i) => child(i, item, named));
    } else if (isMappingNode(value)) {
      // The Kubernetes env form: {name: PGPASSWORD, value: …} names its value.
      const envName = typeof value.name === "string" && "value" in value ? value.name : undefined;
      for (const [key, item] of Object.entries(value)) {
        const own = envName !== undefined && key === "value" ? classOf(envName) : key === "name" && envName !== undefined ? undefined : classOf(key);
        // `imagePullSecrets: [{name: regcred}]`: a list of Secret names keeps its class one level down.
        child(key, item, own ?? (named === "secret-or-name" && key === "name" ? named : undefined));
      }
    }
  };
  visit(tree, undefined);
  return found;
}
