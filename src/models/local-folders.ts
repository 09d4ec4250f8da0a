import type { LocalFile } from '../protocol/messages';
import { sanitizeFolderName } from './local-ref';
import { requiredFiles } from './required-files';

// Model folders picked from disk during this visit. Only File handles are kept: nothing is read until
// the model loads, nothing is uploaded, and nothing survives a reload (the browser forbids that).

export interface LocalFolder {
  name: string;
  files: LocalFile[];
  bytes: number;
}

const folders = new Map<string, LocalFolder>();

export function getLocalFolder(name: string): LocalFolder | undefined {
  return folders.get(name);
}

export function rememberLocalFolder(folder: LocalFolder): void {
  folders.set(folder.name, folder);
}

/**
 * Builds a folder from files with paths relative to what the user picked (`webkitRelativePath`,
 * e.g. `my-model/onnx/model.onnx`). A folder that holds a single model folder is looked into.
 */
export function folderFromPaths(entries: readonly { path: string; file: File }[]): LocalFolder | undefined {
  const usable = entries.filter((entry) => entry.path && !entry.path.split('/').some((part) => part.startsWith('.')));
  if (usable.length === 0) return undefined;
  let parts = usable.map((entry) => entry.path.split('/').filter(Boolean));
  let name = parts[0].length > 1 ? parts[0][0] : 'folder';
  // Strip the picked folder's own name (and single wrapping folders) so paths start at config.json.
  while (parts.every((p) => p.length > 1 && p[0] === parts[0][0]) && !parts.some((p) => p.length === 1)) {
    name = parts[0][0];
    parts = parts.map((p) => p.slice(1));
  }
  const files = usable.map((entry, i) => ({ path: parts[i].join('/'), file: entry.file }));
  return { name: sanitizeFolderName(name), files, bytes: files.reduce((sum, f) => sum + f.file.size, 0) };
}

/** What a folder lacks for a pipeline, as messages that name the missing files. */
export function folderProblems(folder: LocalFolder, pipeline: string): string[] {
  const paths = new Set(folder.files.map((f) => f.path));
  const problems: string[] = [];
  if (!paths.has('config.json')) problems.push('config.json is missing: the folder must be a model folder in the Hub layout (config.json at its top).');
  if (![...paths].some((p) => /^onnx\/[^/]+\.onnx$/.test(p))) problems.push('onnx/ has no .onnx file: the weights must be ONNX files in an onnx/ folder (e.g. onnx/model.onnx).');
  const missing = requiredFiles(pipeline).filter((file) => !paths.has(file));
  if (missing.length) problems.push(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: ${pipeline} needs ${missing.length > 1 ? 'them' : 'it'}.`);
  return problems;
}

/** Files of an `<input type=file webkitdirectory>`. */
export function folderFromInput(list: FileList): LocalFolder | undefined {
  return folderFromPaths([...list].map((file) => ({ path: file.webkitRelativePath || file.name, file })));
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, prefix: string, out: { path: string; file: File }[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: `${prefix}${entry.name}`, file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns at most ~100 entries per call: read until it returns none.
  for (let batch = await readEntries(reader); batch.length; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, `${prefix}${entry.name}/`, out);
  }
}

/** A folder dropped on the page (DataTransfer items with directory entries). */
export async function folderFromDrop(items: DataTransferItemList): Promise<LocalFolder | undefined> {
  const roots = [...items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => Boolean(e));
  const out: { path: string; file: File }[] = [];
  for (const root of roots) await walk(root, '', out);
  return folderFromPaths(out);
}
