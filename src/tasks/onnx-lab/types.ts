// onnx-lab's contract, used by run.ts (worker) and Panel.tsx (UI).

/** The lab's editable state: model source, device, feeds. */
export type { LabValue as Input } from './lab-value';
/** The model's bytes and the feeds, ready to run (labRequest). */
export type { LabRequest as WorkerInput, LabOutput as Output } from './lab-types';
