export const id = 987;
export const ids = [987];
export const modules = {

/***/ 19987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   restoreExact: () => (/* binding */ restoreExact),
/* harmony export */   save: () => (/* binding */ save)
/* harmony export */ });
/**
 * The GitHub Actions cache service, loaded only when used. Callers check
 * `readRunnerEnvironment().cacheService` first: outside GitHub there is no service.
 */
/** Restores `paths` saved under exactly `key` (no restore keys: a near match would be wrong). */
async function restoreExact(paths, key) {
    const cache = await Promise.all(/* import() */[__webpack_require__.e(734), __webpack_require__.e(356)]).then(__webpack_require__.bind(__webpack_require__, 29356));
    const hit = await cache.restoreCache(paths, key, [], {}, false);
    return hit === key;
}
async function save(paths, key) {
    const cache = await Promise.all(/* import() */[__webpack_require__.e(734), __webpack_require__.e(356)]).then(__webpack_require__.bind(__webpack_require__, 29356));
    await cache.saveCache(paths, key);
}


/***/ })

};
