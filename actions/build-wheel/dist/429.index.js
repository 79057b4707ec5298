export const id = 429;
export const ids = [429];
export const modules = {

/***/ 9429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uploadFiles: () => (/* binding */ uploadFiles)
/* harmony export */ });
/** Workflow artifacts through @actions/artifact, loaded only when used (callers check `artifactService`). */
async function uploadFiles(name, files, rootDirectory) {
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(734), __webpack_require__.e(878)]).then(__webpack_require__.bind(__webpack_require__, 47878));
    await new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory, { retentionDays: 7 });
}


/***/ })

};
