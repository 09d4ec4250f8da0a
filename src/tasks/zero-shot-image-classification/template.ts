export const DEFAULT_TEMPLATE = 'a photo of {}.';
export const TEMPLATE_PROBLEM = 'The prompt template needs {} where each label goes, e.g. "a photo of {}."';

/** A template without its {} slot would give every label the same text, hence the same score. */
export function templateProblem(template: string): string | undefined {
  return template.includes('{}') ? undefined : TEMPLATE_PROBLEM;
}
