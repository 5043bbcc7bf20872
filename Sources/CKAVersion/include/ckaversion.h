#ifndef CKAVERSION_H
#define CKAVERSION_H

/// The commit the binaries were built from (`git describe`), or "" when the build was not given
/// one. scripts/package.sh sets KA_GIT_DESCRIBE, and Package.swift defines it for this target.
const char *ka_git_describe(void);

#endif
