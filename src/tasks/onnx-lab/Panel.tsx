import type { TaskView } from '../types';
import { LabInput } from './LabInput';
import { LabOutput } from './LabOutput';
import { emptyLab, labRequest, validateLab } from './lab-value';
import type { Input, Output, WorkerInput } from './types';
import './lab.css';

const view: TaskView<Input, Output, never, WorkerInput> = {
  Input: LabInput,
  Output: ({ output }) => (output ? <LabOutput output={output} /> : null),
  defaultInput: emptyLab,
  validate: validateLab,
  prepare: labRequest,
  // A provider check is a one-off; the next Run runs the model again.
  applyResult: (input) => ({ ...input, action: 'run' }),
  ownModelSource: true,
};
export default view;
