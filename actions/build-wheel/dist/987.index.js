export const id = 987;
export const ids = [987];
export const modules = {

/***/ 19987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   isExactHit: () => (/* binding */ isExactHit),
/* harmony export */   restoreExact: () => (/* binding */ restoreExact),
/* harmony export */   save: () => (/* binding */ save)
/* harmony export */ });
/**
 * The GitHub Actions cache service, loaded only when used. Callers check
 * `readRunnerEnvironment().cacheService` first: outside GitHub there is no service.
 */
/**
 * Whether the key the cache service restored is the one asked for. The service (and actions/cache) matches keys
 * case-insensitively, so a cache saved as `ddev-Linux-…` is the hit for `ddev-linux-…`.
 */
function isExactHit(restored, key) {
    return restored !== undefined && restored.toLowerCase() === key.toLowerCase();
}
/** Restores `paths` saved under exactly `key` (no restore keys: a near match would be wrong). */
async function restoreExact(paths, key) {
    const cache = await Promise.all(/* import() */[__webpack_require__.e(734), __webpack_require__.e(356)]).then(__webpack_require__.bind(__webpack_require__, 29356));
    return isExactHit(await cache.restoreCache(paths, key, [], {}, false), key);
}
async function save(paths, key) {
    const cache = await Promise.all(/* import() */[__webpack_require__.e(734), __webpack_require__.e(356)]).then(__webpack_require__.bind(__webpack_require__, 29356));
    await cache.saveCache(paths, key);
}


/***/ })

};
