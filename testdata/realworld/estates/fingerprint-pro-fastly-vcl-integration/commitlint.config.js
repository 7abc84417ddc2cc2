module.exports = { extends: ['@fingerprintjs/commit-lint-dx-team'] }
