export const id = 188;
export const ids = [188];
export const modules = {

/***/ 2188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uploadFiles: () => (/* binding */ uploadFiles)
});

// UNUSED EXPORTS: artifactRefusal

// EXTERNAL MODULE: ../../packages/runtime/src/errors.ts
var errors = __webpack_require__(86631);
;// CONCATENATED MODULE: ../../packages/runtime/src/text.ts
/** `text` without its trailing dots and whitespace, in one pass (a `/[.\s]+$/` backtracks quadratically). */
function withoutTrailingDots(text) {
    let end = text.length;
    while (end > 0 && (text[end - 1] === '.' || /\s/.test(text[end - 1])))
        end--;
    return text.slice(0, end);
}

;// CONCATENATED MODULE: ../../packages/runtime/src/services/artifact.ts


/**
 * Workflow artifacts through @actions/artifact, loaded only when used (callers check `artifactService`).
 * A refusal by the service is the user's to act on (a UserError naming the artifact), not a bug of ours.
 */
async function uploadFiles(name, files, rootDirectory) {
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(734), __webpack_require__.e(878)]).then(__webpack_require__.bind(__webpack_require__, 47878));
    try {
        await new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory, { retentionDays: 7 });
        return { uploaded: true };
    }
    catch (error) {
        const refusal = artifactRefusal(error, name);
        if (refusal instanceof errors/* UserError */.yo)
            throw refusal;
        if (refusal)
            return { uploaded: false, reason: refusal.unsupported };
        throw error;
    }
}
const firstLine = (text) => withoutTrailingDots(text.split('\n')[0]);
/**
 * How to report an error of @actions/artifact: `{ unsupported }` where the server has no artifact service it
 * can use (go on without the upload), a UserError for a refusal or an unreachable service, undefined for
 * anything else (a real bug).
 */
function artifactRefusal(error, name) {
    if (!(error instanceof Error))
        return undefined;
    const keep = "or set the input 'upload' to false to keep the wheels in the workspace";
    switch (error.name) {
        case 'GHESNotSupportedError':
            return {
                unsupported: `GitHub Enterprise Server does not offer the artifact service that @actions/artifact 2+ (upload-artifact v4+) uses, so '${name}' was not uploaded`,
            };
        case 'UsageError':
            return new errors/* UserError */.yo(`The GitHub artifact service refused '${name}': the artifact storage quota is used up.`, {
                hint: `Delete old artifacts or raise the quota (Settings → Billing), ${keep}.`,
                cause: error,
            });
        case 'NetworkError':
            return new errors/* UserError */.yo(`Cannot reach the GitHub artifact service to upload '${name}': ${firstLine(error.message)}.`, {
                hint: `A self-hosted runner must reach GitHub's artifact endpoints; re-run the job, ${keep}.`,
                cause: error,
            });
        case 'FilesNotFoundError':
            return undefined;
    }
    // The service's own answers: "Failed to CreateArtifact: …", "Received non-retryable error: …", an invalid response.
    if (error.name === 'InvalidResponseError' ||
        /^(Failed to |Received non-retryable error|Failed to make request)/.test(error.message)) {
        const unreachable = /Unable to make request|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET/.test(error.message);
        return new errors/* UserError */.yo(unreachable
            ? `Cannot reach the GitHub artifact service to upload '${name}': ${firstLine(error.message)}.`
            : `The GitHub artifact service refused '${name}': ${firstLine(error.message)}.`, {
            hint: `Re-run the job; if it keeps failing, check https://www.githubstatus.com (a self-hosted runner must reach GitHub's artifact endpoints), ${keep}.`,
            cause: error,
        });
    }
    return undefined;
}


/***/ })

};
