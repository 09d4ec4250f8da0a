// @ts-check
/**
 * The Llama-family decoders the exporter knows, recognised from a checkpoint's config.json
 * (`architectures`, else `model_type`), and what sets each apart from Llama: which attention projections
 * carry a bias, and under which config key. The graph is the same for all of them.
 *
 *   Llama     `attention_bias` → biases on q, k, v and o
 *   Mistral   Llama's graph; `sliding_window` only matters past it (see slidingWindowNote)
 *   Qwen2     biases on q, k and v, never o (its modelling code hard-codes them)
 *   openPangu-Embedded (PanguEmbeddedForCausalLM)  `bias` → biases on q, k, v and o
 */

export class ArchitectureError extends Error {
  name = 'ArchitectureError';
}

/** @typedef {'llama' | 'mistral' | 'qwen2' | 'pangu'} Family */

const ALL = ['q_proj', 'k_proj', 'v_proj', 'o_proj'];

/** @type {Record<Family, { architecture: string, modelType: string, label: string, biases: (c: Record<string, unknown>) => string[] }>} */
export const FAMILIES = {
  llama: { architecture: 'LlamaForCausalLM', modelType: 'llama', label: 'Llama', biases: (c) => (c.attention_bias ? ALL : []) },
  mistral: { architecture: 'MistralForCausalLM', modelType: 'mistral', label: 'Mistral', biases: (c) => (c.attention_bias ? ALL : []) },
  qwen2: { architecture: 'Qwen2ForCausalLM', modelType: 'qwen2', label: 'Qwen2', biases: () => ALL.slice(0, 3) },
  // openPangu-Embedded's own config class names the switch `bias` (default true) and applies it to all four.
  pangu: { architecture: 'PanguEmbeddedForCausalLM', modelType: 'PanguEmbedded', label: 'openPangu-Embedded', biases: (c) => (c.bias ?? true ? ALL : []) },
};

const KNOWN = Object.values(FAMILIES).map((f) => `${f.architecture} (model_type ${f.modelType})`).join(', ');

/**
 * The family of a config.json. A config that names neither an architecture nor a model type is taken as
 * Llama (the hand-written test configs); one that names only unknown ones is refused, with the known list.
 * @param {Record<string, unknown>} config @returns {Family}
 */
export function familyOf(config) {
  const architectures = Array.isArray(config.architectures) ? config.architectures.map(String) : [];
  const modelType = typeof config.model_type === 'string' ? config.model_type : undefined;
  const entries = /** @type {[Family, (typeof FAMILIES)[Family]][]} */ (Object.entries(FAMILIES));
  for (const name of architectures) {
    const hit = entries.find(([, f]) => f.architecture === name);
    if (hit) return hit[0];
  }
  const byType = entries.find(([, f]) => f.modelType.toLowerCase() === modelType?.toLowerCase());
  if (byType) return byType[0];
  if (!architectures.length && !modelType) return 'llama';
  const named = [...architectures, ...(modelType ? [`model_type ${modelType}`] : [])].join(', ');
  throw new ArchitectureError(`config.json names ${named}, which this exporter does not know. Known: ${KNOWN}.`);
}

/** Which attention projections carry a bias in this config's family. @param {Record<string, unknown>} config */
export function biasedProjections(config) {
  return FAMILIES[familyOf(config)].biases(config);
}

/**
 * Mistral's sliding window: our graph attends to the whole past, which equals the window while the context
 * fits in it. Returns the note to print (undefined without a window): exact when the window covers the
 * context, a warning when it does not.
 * @param {Record<string, unknown>} config
 */
export function slidingWindowNote(config) {
  const window = typeof config.sliding_window === 'number' ? config.sliding_window : undefined;
  if (window === undefined) return undefined;
  const context = typeof config.max_position_embeddings === 'number' ? config.max_position_embeddings : Infinity;
  if (window >= context) return `note: sliding_window ${window} is ignored: it covers the whole context (${context}), so full attention is the same`;
  return `note: sliding_window ${window} is ignored (full attention): outputs differ from the original once a conversation passes ${window} tokens`;
}
