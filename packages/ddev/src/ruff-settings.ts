/**
 * The ruff settings `ddev test --lint` uses for an integration of integrations-extras (the repository's own
 * pyproject.toml at DataDog/integrations-extras@57e9d599, ruff part only). ddev reads them from the folder
 * above the integration unless the integration's pyproject.toml has a [tool.ruff] table of its own; where
 * that folder is not ours (an integration at the repository root), we lint a staged copy with these.
 */
export const EXTRAS_RUFF_SETTINGS = `# Written by agent-integration-ci: the ruff settings of integrations-extras, which Datadog's CI lints with.
[tool.ruff]
exclude = [
  ".eggs", ".tox", ".git", ".mypy_cache", ".venv", ".pytest_cache", ".ruff_cache", "build", "_build", "dist",
  "compat.py", "__init__.py", "**/datadog_checks/*/vendor/*",
  "**/config_models/instance.py", "**/config_models/shared.py", "**/config_models/defaults.py",
]
target-version = "py313"
line-length = 120
namespace-packages = ["datadog_checks"]

[tool.ruff.lint]
select = ["B", "C", "E", "F", "G", "W", "I", "TID252"]
ignore = ["E721", "E722", "E741", "B015", "B904", "B017", "B027", "B905", "C901"]
unfixable = ["F401"]

[tool.ruff.format]
quote-style = "preserve"

[tool.ruff.lint.flake8-tidy-imports]
ban-relative-imports = "parents"

[tool.ruff.lint.per-file-ignores]
"**/tests/**/*" = ["S101", "TID252"]
"datadog_checks/*/config_models/deprecations.py" = ["E501"]
`;

/** ddev's own test (ruff_settings_dir): does this pyproject.toml text carry ruff settings? */
export function hasRuffSettings(pyproject: string | undefined): boolean {
  return pyproject !== undefined && /\[tool\.ruff\]/.test(pyproject);
}
