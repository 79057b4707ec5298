/** Workflow artifacts through @actions/artifact, loaded only when used (callers check `artifactService`). */
export async function uploadFiles(name: string, files: string[], rootDirectory: string): Promise<void> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  await new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory, { retentionDays: 7 });
}
