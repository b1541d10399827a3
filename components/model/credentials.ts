/**
 * Recognises values that look like credentials, so that no message, diff or log ever
 * prints one: people paste a token where a config key name belongs (`gitToken: ghp_...`).
 */

/** Prefixes that providers put on their tokens (documented by each provider), and other key forms. */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}/, // GitHub tokens
  /^github_pat_[A-Za-z0-9_]{20,}/, // GitHub fine-grained tokens
  /^(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}$/, // AWS access key ids
  /^xox[abposr]-[A-Za-z0-9-]{10,}/, // Slack tokens
  /^xapp-[0-9]-[A-Za-z0-9-]{10,}/, // Slack app tokens
  /hooks\.slack\.com\/services\//, // Slack webhooks
  /^gl(pat|dt|rt|ptt|ft|soat|cbt|imt|agent|oas)-[A-Za-z0-9_-]{16,}/, // GitLab tokens
  /^(sk|rk|pk)_(live|test)_[A-Za-z0-9]{10,}/, // Stripe keys
  /^eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/, // JWTs
  /-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE|OPENSSH)/, // PEM blocks
  /"private_key"\s*:/, // GCP service-account key files
];

/** Any of TOKEN_PATTERNS, as one expression: one scan of a value instead of one per pattern (every string of a catalog is tested). */
export const TOKEN_PATTERN = new RegExp(TOKEN_PATTERNS.map((p) => `(?:${p.source})`).join("|"));

/** UUID-shaped keys (Heroku, Azure client secrets, many APIs): a credential where a key name belongs, an id elsewhere. */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits;
}

/**
 * A long random-looking string: mixed case and digits with high entropy (API keys,
 * passwords). Config key names (`datasetsS3SecretAccessKey`) are words: few digits, lower
 * entropy.
 */
function looksRandom(s: string): boolean {
  if (s.length < 20 || /\s/.test(s)) return false;
  const digits = (s.match(/[0-9]/g) ?? []).length;
  const mixed = /[a-z]/.test(s) && /[A-Z]/.test(s);
  // Hex tokens (32, 40, 64 digits: API keys, access tokens) have at most 4 bits a character.
  const hexToken = s.length >= 32 && /^[0-9a-fA-F]+$/.test(s) && entropy(s) >= 3;
  return (mixed && digits >= 3 && entropy(s) >= 4) || (s.length >= 32 && entropy(s) >= 4.5) || hexToken;
}

/** True when `value` looks like a credential rather than a name. */
export function looksLikeCredential(value: string): boolean {
  const bare = value.replace(/^[A-Za-z0-9_.-]+:(?!\/\/)/, ""); // `polyaxon:ghp_...` holds one too
  return TOKEN_PATTERN.test(bare) || TOKEN_PATTERN.test(value) || UUID.test(bare) || looksRandom(bare);
}

/** What a message says in place of a value that looks like a credential. */
export const CREDENTIAL_PLACEHOLDER = "<a value that looks like a credential; not shown>";

/** The fix for a credential typed where a config key name belongs. */
export const CREDENTIAL_FIX =
  "store the value with `pulumi config set --secret <key> <value>`, put the key name <key> here, " + "and rotate the credential (it was written in a file)";
