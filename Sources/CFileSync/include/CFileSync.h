#ifndef CFILESYNC_H
#define CFILESYNC_H

/// syncfs(2) on the file system holding `fd`: Swift's Glibc module leaves out
/// the GNU extensions, so this one is declared here.
int pf_syncfs(int fd);

#endif
