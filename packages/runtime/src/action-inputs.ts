import * as core from '@actions/core';
import type { InputSource } from './inputs.js';

/** Raw inputs on a runner: INPUT_<NAME> as @actions/core reads them (trimmed, '' when unset). */
export const actionInputs: InputSource = (name) => core.getInput(name);
