// @ts-check
/**
 * Transformers.js 4.3.1 creates onnxruntime sessions one after another on one promise chain
 * (`webInitChain = webInitChain.then(load)` in src/backends/onnx.js). When one creation fails (a damaged
 * or unsupported model), the chain stays rejected and every later session in that worker fails with the
 * same old error, e.g. "protobuf parsing failed" for a model that is now whole. This Vite plugin rewrites
 * the line so each creation waits for the previous one to settle, failed or not. The build fails if the
 * line is not found, so an upgrade of Transformers.js is checked again rather than silently unpatched.
 */
const BROKEN = 'webInitChain = webInitChain.then(load)';
const FIXED = 'webInitChain = webInitChain.catch(() => undefined).then(load)';
const TARGET = /@huggingface[\\/]transformers[\\/]dist[\\/]transformers\.web\.js$/;

/** @param {string} code @returns {string} */
export function fixInitChain(code) {
  if (!code.includes(BROKEN)) throw new Error(`transformers-init-chain: "${BROKEN}" not found; check whether the fix is still needed`);
  return code.replace(BROKEN, FIXED);
}

/** @returns {import('vite').Plugin} */
export function transformersInitChain() {
  return {
    name: 'transformers-init-chain',
    transform(code, id) {
      if (!TARGET.test(id.split('?')[0])) return undefined;
      return { code: fixInitChain(code), map: null };
    },
  };
}
