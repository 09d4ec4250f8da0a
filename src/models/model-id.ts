// The Hub's repo id rule: "name" or "org/name", letters, digits, '-', '_' and '.', no '--' or '..'.
const REPO_ID = /^(?:[\w.-]{1,96}\/)?[\w.-]{1,96}$/;

/** Returns a message when the text cannot be a Hugging Face model id. */
export function modelIdProblem(id: string): string | undefined {
  const trimmed = id.trim();
  if (!trimmed) return 'Enter a model id, such as Xenova/yolos-tiny.';
  if (!REPO_ID.test(trimmed) || trimmed.includes('--') || trimmed.includes('..')) {
    return `“${trimmed}” is not a valid model id: use organisation/name with letters, digits, “-”, “_” or “.”.`;
  }
  return undefined;
}
