import { getLocalFolder } from './local-folders';
import { isLocalRef, localRefName } from './local-ref';
import { modelIdProblem } from './model-id';

/**
 * What is wrong with the text in the model field, if anything: an id the Hub could not have, or a local folder
 * whose files are gone (after a reload). Such a model is never checked, loaded or asked for: the field's own
 * message says what is wrong, and a request for it would only come back as a misleading "not found".
 */
export function modelFieldProblem(model: string, folderOpen: (name: string) => boolean = (name) => Boolean(getLocalFolder(name))): string | undefined {
  if (!isLocalRef(model)) return modelIdProblem(model);
  const name = localRefName(model);
  if (folderOpen(name)) return undefined;
  return `The files of the folder “${name}” are not open any more (files from disk are not kept after a reload). Pick the folder again in Browse models → Local folder.`;
}
