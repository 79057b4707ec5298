// Running workflow files under a real workflow engine (nektos/act, host mode, offline). See sandbox.ts.
export {
  ActSandbox,
  ACT_VERSION,
  actBinary,
  type RunOptions,
  type SandboxOptions,
  type WorkflowRun,
} from './sandbox.js';
export { parseActLog, type ActAnnotation, type ActJob, type ActStep, type Result } from './log.js';
export { startArtifactShim, type ArtifactShim } from './artifact-shim.js';
export { OWN_REPOSITORY, stageOwnRepository, thirdPartyActions, thirdPartyActionsDir } from './repositories.js';
export { PartnerRepo, REPOSITORY } from './partner-repo.js';
export { OwnRepo } from './own-repo.js';
export { bareRemote, remoteTagCommit, tracked } from './remotes.js';
