#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA extensions (x86 SHA-NI with SSSE3 and SSE4.1).
int pf_sha256_accelerated(void);

/// Compresses `blocks` 64-byte blocks of `data` into `state` (eight words, FIPS
/// 180-4 order) with the SHA instructions. Only call when pf_sha256_accelerated().
void pf_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
