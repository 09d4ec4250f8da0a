// Which UI a model gets (Florence-2's task prompts or a chat) follows its own config.json: the model check reads
// `model_type` before anything large downloads, and the shell passes it (PanelContext.modelType). Until it has
// (or where it cannot: a folder not yet read), a model whose id names Florence-2 gets its prompts; the worker
// decides by the config either way.
export const isFlorence = (model: string, modelType: string | undefined): boolean =>
  modelType ? modelType === 'florence2' : /florence/i.test(model);
