export { runAction, removeRunnerScratch, type ActionRun, type RunOptions, type StepRun } from './run-action.js';
export { readActionMetadata, inputVariable, type ActionMetadata } from './action-metadata.js';
export { parseAnnotations, parseKeyValueFile, type ParsedAnnotation } from './workflow-commands.js';
export { repoRoot, actionDir } from './paths.js';
export { pythonTools, ddevEnvironment, type PythonTools } from './python-tools.js';
export { GitRepo } from './git-repo.js';
export { bareRepo, shallowClone } from '@aic/git/testing';
